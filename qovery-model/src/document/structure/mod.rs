//! The structure layer: the walk of a spanned tree against the model's compiled shape, which
//! reports the structural problems, repairs the value for the typed rules and suggests the
//! member meant.

pub mod shape;
