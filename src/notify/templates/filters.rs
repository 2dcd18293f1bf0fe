//! The filters templates use, bound to the language of the environment
//! they are registered in.
//!
//! `date`, `status`, `kind`, `country` and `address` put facts into words;
//! `text_html` turns a rendered text part into HTML (see `text.rs`). A
//! filter given a missing value fails, so a template that forgets to guard
//! an optional part fails the load-time check instead of a send.

use chrono::NaiveDate;
use minijinja::{Environment, Error, ErrorKind, Value};

use super::Kind;
use super::locale::{self, Address};
use super::text::text_to_html;

/// Register the filters for templates written in `lang`, and the global
/// `lang` itself (for `<html lang>`).
pub(super) fn register(env: &mut Environment<'static>, lang: &str) {
    let tag = lang.to_string();
    env.add_global("lang", Value::from(lang));
    let l = tag.clone();
    env.add_filter("date", move |v: Value| -> Result<String, Error> {
        let s = required_str(&v, "date")?;
        let date =
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| invalid(format!("date: `{s}` is not YYYY-MM-DD")))?;
        Ok(locale::format_date(date, &l))
    });
    let l = tag.clone();
    env.add_filter("status", move |v: Value| -> Result<String, Error> {
        Ok(locale::status_phrase(required_str(&v, "status")?, &l))
    });
    let l = tag.clone();
    env.add_filter("kind", move |v: Value| -> Result<String, Error> {
        let s = required_str(&v, "kind")?;
        let kind = Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| invalid(format!("kind: unknown kind `{s}`")))?;
        Ok(locale::kind_phrase(kind, &l).to_string())
    });
    let l = tag.clone();
    env.add_filter("country", move |v: Value| -> Result<String, Error> {
        Ok(locale::country_name(required_str(&v, "country")?, &l))
    });
    let l = tag;
    env.add_filter("address", move |v: Value| -> Result<String, Error> { address(&v, &l) });
    env.add_filter("text_html", |v: Value| -> Value {
        let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
        Value::from_safe_string(text_to_html(&text))
    });
}

fn address(v: &Value, lang: &str) -> Result<String, Error> {
    if v.is_none() || v.is_undefined() {
        return Err(invalid("address: no address given (guard optional addresses with `{% if %}`)".into()));
    }
    let field = |name: &str| -> Result<Option<String>, Error> {
        let value = v.get_attr(name)?;
        Ok(value.as_str().map(str::to_string))
    };
    let need = |name: &str| -> Result<String, Error> {
        field(name)?.ok_or_else(|| invalid(format!("address: the address has no `{name}`")))
    };
    let (line1, city, postcode, country) = (need("line1")?, need("city")?, need("postcode")?, need("country")?);
    let (line2, region) = (field("line2")?, field("region")?);
    let parts = Address {
        line1: &line1,
        line2: line2.as_deref(),
        city: &city,
        region: region.as_deref(),
        postcode: &postcode,
        country: &country,
    };
    Ok(locale::format_address(&parts, lang))
}

fn required_str<'v>(v: &'v Value, filter: &str) -> Result<&'v str, Error> {
    if v.is_none() || v.is_undefined() {
        return Err(invalid(format!("{filter}: no value given (guard optional parts with `{{% if %}}`)")));
    }
    v.as_str().ok_or_else(|| invalid(format!("{filter}: expected a string, got {}", v.kind())))
}

fn invalid(detail: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, detail)
}
