//! Validation of method parameters, with errors that name the field.

use crate::error::{Error, Result};

/// `value` in `[lo, hi]`.
pub(crate) fn unit_interval(field: &str, value: f64) -> Result<()> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::config(field, value, "a number in [0, 1]"))
    }
}

/// A finite `value > 0`.
pub(crate) fn positive(field: &str, value: f64) -> Result<()> {
    if value > 0.0 && value.is_finite() {
        Ok(())
    } else {
        Err(Error::config(field, value, "a finite number > 0"))
    }
}

/// A finite `value`.
pub(crate) fn finite(field: &str, value: f64) -> Result<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::config(field, value, "a finite number"))
    }
}

/// A count of at least 1.
pub(crate) fn at_least_one(field: &str, value: usize) -> Result<()> {
    if value >= 1 {
        Ok(())
    } else {
        Err(Error::config(field, value, "an integer >= 1"))
    }
}
