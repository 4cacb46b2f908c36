//! ROUGE evaluation for nutgraf (placeholder: see issue 3).
