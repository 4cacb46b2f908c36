//! placeholder until eval lands
