//! ROUGE-1.5.5 (to be written).
