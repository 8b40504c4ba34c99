//! Semantic checks on the parsed model: what parses but cannot work.
//!
//! A rule that cannot apply to the field's type, `min > max`, a regex that does not compile or
//! would mean something else in JSON Schema, a duplicated rule, a `default` on a required field.

use crate::ast::{Container, Field};
use crate::attr::{FieldRule, RuleKind};
use crate::ctxt::Ctxt;
use crate::symbol::{RANGE, Symbol};
use crate::ty::Shape;
use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

pub fn check(cx: &Ctxt, container: &Container<'_>) {
    for field in &container.fields {
        check_field(cx, field);
    }
    let mut seen: Vec<(String, Span)> = Vec::new();
    for rule in &container.attrs.rules {
        let text = rule.to_token_stream().to_string();
        let span = rule.span();
        match seen.iter().find(|(other, _)| *other == text) {
            Some((_, first)) => cx.duplicate(
                *first,
                span,
                format!("duplicate `rule = {}` on this type", text.replace(' ', "")),
            ),
            None => seen.push((text, span)),
        }
    }
}

fn check_field(cx: &Ctxt, field: &Field<'_>) {
    let name = field.wire.as_str();
    if field.skipped && !field.attrs.rules.is_empty() {
        cx.error_at(
            field.attrs.rules[0].span,
            format!(
                "`{name}` is skipped by serde, so it is never on the wire: it cannot carry rules"
            ),
        );
    }
    if let Some((span, _)) = &field.attrs.default
        && !field.shape.is_optional()
    {
        cx.error_at(*span, format!("`default` documents the value of an omitted field, but `{name}` is required (not an `Option` or `Nullable`)"));
    }
    if let Some(span) = field.attrs.null_as_absent
        && !matches!(field.shape, Shape::Optional(..))
    {
        cx.error_at(span, format!("`null_as_absent` says that `null` reads as an omitted `Option`, but `{name}` is not an `Option` (a `Nullable` is already nullable)"));
    }
    let mut seen: Vec<(Symbol, bool, Span)> = Vec::new();
    for rule in &field.attrs.rules {
        let keyword = rule.kind.keyword();
        if !matches!(rule.kind, RuleKind::Custom(_) | RuleKind::CustomFn(_)) {
            match seen
                .iter()
                .find(|(other, each, _)| *other == keyword && *each == rule.each)
            {
                Some((_, _, first)) => cx.duplicate(
                    *first,
                    rule.span,
                    format!("duplicate `{keyword}` on `{name}`: merge the two into one rule"),
                ),
                None => seen.push((keyword, rule.each, rule.span)),
            }
        }
        let target = if rule.each {
            match field.shape.present() {
                Shape::Seq(element, _) => (**element).clone(),
                other => {
                    cx.error_at(
                        rule.span,
                        format!(
                            "`each(...)` applies to the elements of a Vec, but `{name}` is {}",
                            other.describe()
                        ),
                    );
                    continue;
                }
            }
        } else {
            field.shape.present().clone()
        };
        check_applies(cx, rule, &target, name);
        check_arguments(cx, rule);
    }
}

/// Rejects a rule that cannot apply to the (present) type of the value.
fn check_applies(cx: &Ctxt, rule: &FieldRule, shape: &Shape, name: &str) {
    let keyword = rule.kind.keyword();
    let fits = match &rule.kind {
        RuleKind::Range { .. } => matches!(shape, Shape::Int | Shape::Other),
        RuleKind::Length { .. } | RuleKind::NonEmpty => {
            matches!(shape, Shape::Str | Shape::Seq(..) | Shape::Other)
        }
        RuleKind::Pattern(_) | RuleKind::NotBlank | RuleKind::Format(_) => {
            matches!(shape, Shape::Str | Shape::Other)
        }
        RuleKind::Known => matches!(shape, Shape::Other),
        RuleKind::Nested => !matches!(
            innermost(shape),
            Shape::Int | Shape::Float | Shape::Bool | Shape::Str
        ),
        RuleKind::Custom(_) | RuleKind::CustomFn(_) => true,
    };
    if fits {
        return;
    }
    let wants = match &rule.kind {
        RuleKind::Range { .. } => "integers",
        RuleKind::Length { .. } | RuleKind::NonEmpty => "strings and Vecs",
        RuleKind::Pattern(_) | RuleKind::NotBlank | RuleKind::Format(_) => "strings",
        RuleKind::Known => "enumerations with known values",
        RuleKind::Nested => "types that implement `Validate`",
        RuleKind::Custom(_) | RuleKind::CustomFn(_) => "anything",
    };
    let mut message = format!(
        "`{keyword}` applies to {wants}, but `{name}` is {}",
        shape.describe()
    );
    if let Shape::Seq(element, _) = shape
        && !matches!(rule.kind, RuleKind::Nested)
        && !matches!(**element, Shape::Seq(..))
    {
        message.push_str(&format!(
            "; to check each element, write `each({keyword}...)`"
        ));
    }
    cx.error_at(rule.span, message);
}

fn innermost(shape: &Shape) -> &Shape {
    match shape {
        Shape::Seq(inner, _) | Shape::Optional(inner, _) | Shape::Nullable(inner, _) => {
            innermost(inner)
        }
        other => other,
    }
}

fn check_arguments(cx: &Ctxt, rule: &FieldRule) {
    match &rule.kind {
        RuleKind::Range { min, max } | RuleKind::Length { min, max } => {
            let keyword = rule.kind.keyword();
            for bound in [min, max].into_iter().flatten() {
                if let Some(kind) = non_integer_literal(&bound.expr) {
                    cx.error_spanned_by(
                        &bound.expr,
                        format!("`{keyword}` bounds are integers, but this is {kind}: it would be truncated silently"),
                    );
                }
            }
            if let (Some(lo), Some(hi)) = (min, max)
                && let (Some(l), Some(h)) = (lo.literal, hi.literal)
                && l > h
            {
                cx.error_spanned_by(
                    &hi.expr,
                    format!("`{keyword}` can never pass: `min` ({l}) is greater than `max` ({h})"),
                );
            }
            if matches!(rule.kind, RuleKind::Length { .. }) {
                for bound in [min, max].into_iter().flatten() {
                    if bound.literal.is_some_and(|v| v < 0) {
                        cx.error_spanned_by(&bound.expr, "a length cannot be negative");
                    }
                }
            }
            for bound in [min, max].into_iter().flatten() {
                if keyword == RANGE
                    && bound
                        .literal
                        .is_some_and(|v| v < i128::from(i64::MIN) || v > i128::from(i64::MAX))
                {
                    cx.error_spanned_by(&bound.expr, "this bound does not fit in an i64");
                }
            }
        }
        RuleKind::Pattern(pattern) => {
            let source = pattern.value();
            if let Err(error) = regex::Regex::new(&source) {
                cx.error_spanned_by(pattern, format!("invalid regular expression: {error}"));
            } else if let Some(problem) = non_ecma_construct(&source) {
                cx.error_spanned_by(
                    pattern,
                    format!("this pattern would not mean the same in the JSON Schema: {problem}"),
                );
            }
        }
        _ => {}
    }
}

/// Constructs that the Rust `regex` crate and ECMA-262 (JSON Schema's dialect) read differently.
fn non_ecma_construct(pattern: &str) -> Option<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let next = chars.get(i + 1).copied().unwrap_or(' ');
                if matches!(next, 'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'b' | 'B') {
                    return Some(format!(
                        "`\\{next}` is Unicode-aware in Rust and ASCII-only (or differently defined) in ECMA-262; write the class out, e.g. `[0-9]` for `\\d`"
                    ));
                }
                if matches!(next, 'A' | 'z' | 'p' | 'P' | 'Q' | 'E') {
                    return Some(format!("`\\{next}` is not ECMA-262 syntax"));
                }
                i += 2;
            }
            '(' if chars.get(i + 1) == Some(&'?') => {
                if chars.get(i + 2) != Some(&':') {
                    return Some("inline flags and `(?P<name>...)` groups are not ECMA-262 syntax; only `(?:...)` is shared".to_owned());
                }
                i += 3;
            }
            '[' if chars.get(i + 1) == Some(&'[') && chars.get(i + 2) == Some(&':') => {
                return Some("POSIX classes like `[[:alpha:]]` are not ECMA-262 syntax".to_owned());
            }
            _ => i += 1,
        }
    }
    None
}

/// `Some("a float literal")` when a bound is a literal that is not an integer.
fn non_integer_literal(expr: &syn::Expr) -> Option<&'static str> {
    match expr {
        syn::Expr::Lit(lit) => match &lit.lit {
            syn::Lit::Int(_) => None,
            syn::Lit::Float(_) => Some("a float literal"),
            syn::Lit::Str(_) => Some("a string literal"),
            syn::Lit::Bool(_) => Some("a bool literal"),
            _ => Some("a literal of another type"),
        },
        syn::Expr::Unary(unary) => non_integer_literal(&unary.expr),
        syn::Expr::Group(group) => non_integer_literal(&group.expr),
        syn::Expr::Paren(paren) => non_integer_literal(&paren.expr),
        _ => None,
    }
}
