//! The typed model of the input: the container, its fields, their serde wire names and their
//! parsed `#[qovery(...)]` attributes.
//!
//! Wire names come from `serde_derive_internals`, serde's own parser, so `rename` and
//! `rename_all` are honoured exactly as serde honours them: error pointers name the member as it
//! appears in JSON, never the Rust field.

use crate::attr::{ContainerAttrs, FieldAttrs};
use crate::ctxt::Ctxt;
use crate::ty::Shape;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{DeriveInput, Generics, Ident, Type};

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub fields: Vec<Field<'a>>,
    #[cfg_attr(not(feature = "schema"), allow(dead_code))]
    pub docs: Option<String>,
}

pub struct Field<'a> {
    pub member: syn::Member,
    pub ty: &'a Type,
    pub shape: Shape,
    /// The serde (serialize) name: the member's name on the wire.
    pub wire: String,
    /// `#[serde(default)]`: the member may be omitted even though the type is not optional.
    #[cfg_attr(not(feature = "schema"), allow(dead_code))]
    pub serde_default: bool,
    /// `#[serde(skip)]`-ed fields are not on the wire and get no rules.
    pub skipped: bool,
    pub attrs: FieldAttrs,
    #[cfg_attr(not(feature = "schema"), allow(dead_code))]
    pub docs: Option<String>,
}

impl<'a> Container<'a> {
    /// The `Validate::Context`: the type of `#[qovery(context = ...)]`, else `()`.
    pub fn context(&self) -> TokenStream {
        match &self.attrs.context {
            Some(ty) => ty.to_token_stream(),
            None => quote!(()),
        }
    }

    /// Parses the input; `None` when its shape is unsupported (the error is in `cx`).
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Container<'a>> {
        let serde_cx = serde_derive_internals::Ctxt::new();
        let private = Ident::new("__private", Span::call_site());
        let serde = serde_derive_internals::ast::Container::from_ast(
            &serde_cx,
            input,
            serde_derive_internals::Derive::Serialize,
            &private,
        );
        // serde's own derive reports mistakes in `#[serde]` attributes; don't report them twice.
        let _ = serde_cx.check();

        let attrs = ContainerAttrs::parse(cx, &input.attrs);
        let docs = doc_comment(&input.attrs);
        let serde = serde?;
        let fields = match serde.data {
            serde_derive_internals::ast::Data::Struct(
                serde_derive_internals::ast::Style::Struct,
                fields,
            ) => fields,
            _ => {
                cx.error_spanned_by(
                    &input.ident,
                    "#[derive(Validate)] supports structs with named fields; for an enum, implement `Validate` by hand or validate its variants' fields",
                );
                return None;
            }
        };
        let fields = fields
            .into_iter()
            .map(|field| Field {
                member: field.member,
                ty: field.ty,
                shape: Shape::of(field.ty),
                wire: field.attrs.name().serialize_name().value.clone(),
                serde_default: !field.attrs.default().is_none(),
                skipped: field.attrs.skip_serializing() && field.attrs.skip_deserializing(),
                attrs: FieldAttrs::parse(cx, &field.original.attrs),
                docs: doc_comment(&field.original.attrs),
            })
            .collect();
        Some(Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            fields,
            docs,
        })
    }
}

/// The `///` doc comment, lines joined as rustdoc would (one paragraph per blank line).
pub fn doc_comment(attrs: &[syn::Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| line.strip_prefix(' ').map(str::to_owned).unwrap_or(line))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line = line.trim_end();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line.trim_start());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    Some(plain_links(&paragraphs.join("\n\n")))
}

/// Rewrites rustdoc links for readers of a JSON Schema `description`, who see the text as is:
/// an intra-doc link (``[`defaults::CPU`]``, ``[`Probe`](super::Probe)``, `[Nullable]`) becomes
/// its label, a web link `[text](https://..)` becomes `text (https://..)`, and an autolink
/// `<https://..>` its URL. Code spans are copied untouched.
pub fn plain_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..run];
            let end = rest[run..]
                .find(fence)
                .map_or(rest.len(), |i| run + i + run);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if c == '<'
            && let Some(close) = rest.find('>')
        {
            let inner = &rest[1..close];
            if (inner.starts_with("https://") || inner.starts_with("http://"))
                && !inner.contains(char::is_whitespace)
            {
                out.push_str(inner);
                rest = &rest[close + 1..];
                continue;
            }
        }
        if c == '['
            && let Some((label, after)) = link_label(rest)
        {
            if let Some(target_text) = after.strip_prefix('(')
                && let Some(close) = target_text.find(')')
            {
                let target = &target_text[..close];
                out.push_str(label);
                if target.contains("://") {
                    out.push_str(" (");
                    out.push_str(target);
                    out.push(')');
                }
                rest = &target_text[close + 1..];
                continue;
            }
            if is_item_path(label) {
                out.push_str(label);
                rest = after;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The label of `[label]...` at the start of `text` (code spans may hold `]`), and what follows.
fn link_label(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_prefix('[')?;
    let mut in_code = false;
    for (i, c) in body.char_indices() {
        match c {
            '`' => in_code = !in_code,
            ']' if !in_code => {
                let label = &body[..i];
                return (!label.is_empty() && !label.contains('\n'))
                    .then(|| (label, &body[i + 1..]));
            }
            '\n' | '[' if !in_code => return None,
            _ => {}
        }
    }
    None
}

/// Whether a shortcut link label names a Rust item: one code span, or a path such as
/// `Nullable` or `defaults::CPU` (a plain bracketed word like `[sic]` is left alone).
fn is_item_path(label: &str) -> bool {
    let code = label.len() > 2
        && label.starts_with('`')
        && label.ends_with('`')
        && !label[1..label.len() - 1].contains('`');
    let path = label
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '<' | '>' | '!'))
        && (label.contains("::") || label.starts_with(|c: char| c.is_uppercase()));
    code || path
}

#[cfg(test)]
mod tests {
    use super::plain_links;

    #[test]
    fn rustdoc_links_become_plain_text() {
        assert_eq!(
            plain_links("Defaults to [`defaults::CPU`] (500)."),
            "Defaults to `defaults::CPU` (500)."
        );
        assert_eq!(
            plain_links(
                "Flattened into [`ContainerRequest`](super::ContainerRequest), see [Nullable]."
            ),
            "Flattened into `ContainerRequest`, see Nullable."
        );
        assert_eq!(
            plain_links("The endpoint (<https://api-doc.qovery.com/#tag/x>)."),
            "The endpoint (https://api-doc.qovery.com/#tag/x)."
        );
        assert_eq!(
            plain_links("See [the docs](https://example.com/a)."),
            "See the docs (https://example.com/a)."
        );
        assert_eq!(
            plain_links("Kept: `[a](b)`, `{storage: [...]}`, [sic], a[0], x < y > z."),
            "Kept: `[a](b)`, `{storage: [...]}`, [sic], a[0], x < y > z."
        );
    }
}
