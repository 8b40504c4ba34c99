//! What the macro can tell about a field's type from its syntax.
//!
//! This classification only powers early, well-worded errors (`range` on a `String`) and the
//! choice of schema keywords (`minLength` or `minItems`). The generated code itself dispatches
//! through traits, with spans on the user's tokens, so a type the macro cannot classify (an
//! alias, say) still gets a precise rustc error if a rule does not fit it.

use syn::{GenericArgument, PathArguments, Type};

#[derive(Clone)]
pub enum Shape {
    Int,
    Float,
    Bool,
    Str,
    /// `Vec<T>`, with the element type.
    Seq(Box<Shape>, Type),
    /// `Option<T>`: present when `Some`.
    Optional(Box<Shape>, Type),
    /// `Nullable<T>`: present when `Value`.
    Nullable(Box<Shape>, Type),
    /// A struct or enum of the user's: may implement `Validate` or `KnownValues`.
    Other,
}

impl Shape {
    pub fn of(ty: &Type) -> Shape {
        let ty = ungroup(ty);
        let Type::Path(path) = ty else {
            return Shape::Other;
        };
        let Some(last) = path.path.segments.last() else {
            return Shape::Other;
        };
        let name = last.ident.to_string();
        match name.as_str() {
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "isize" | "usize" => {
                Shape::Int
            }
            "f32" | "f64" => Shape::Float,
            "bool" => Shape::Bool,
            "String" | "str" => Shape::Str,
            "Box" => first_argument(&last.arguments).map_or(Shape::Other, Shape::of),
            "Vec" | "Option" | "Nullable" => match first_argument(&last.arguments) {
                Some(inner) => {
                    let shape = Box::new(Shape::of(inner));
                    let inner = inner.clone();
                    match name.as_str() {
                        "Vec" => Shape::Seq(shape, inner),
                        "Option" => Shape::Optional(shape, inner),
                        _ => Shape::Nullable(shape, inner),
                    }
                }
                None => Shape::Other,
            },
            _ => Shape::Other,
        }
    }

    /// The shape once `Option`/`Nullable` are peeled: what a rule applies to.
    pub fn present(&self) -> &Shape {
        match self {
            Shape::Optional(inner, _) | Shape::Nullable(inner, _) => inner.present(),
            other => other,
        }
    }

    /// Whether this is `Option<T>` or `Nullable<T>` at the top.
    pub fn is_optional(&self) -> bool {
        matches!(self, Shape::Optional(..) | Shape::Nullable(..))
    }

    /// A short name for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Shape::Int => "an integer",
            Shape::Float => "a float",
            Shape::Bool => "a bool",
            Shape::Str => "a string",
            Shape::Seq(..) => "a Vec",
            Shape::Optional(..) => "an Option",
            Shape::Nullable(..) => "a Nullable",
            Shape::Other => "a struct or enum",
        }
    }
}

fn ungroup(mut ty: &Type) -> &Type {
    while let Type::Group(group) = ty {
        ty = &group.elem;
    }
    ty
}

fn first_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// The type once the outer `Option`/`Nullable` wrappers are removed.
pub fn present_type(ty: &Type) -> Type {
    match Shape::of(ty) {
        Shape::Optional(_, inner) | Shape::Nullable(_, inner) => present_type(&inner),
        _ => ty.clone(),
    }
}
