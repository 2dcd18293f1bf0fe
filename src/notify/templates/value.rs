//! The template [`Context`] as a minijinja value.
//!
//! minijinja's serde support is an optional feature; going through
//! `serde_json` keeps the dependency as it is and gives templates exactly
//! what the serde derives say: dates as `YYYY-MM-DD` strings, kinds as their
//! snake_case names, absent options as `none`.

use minijinja::Value;

use super::Context;

pub(super) fn context_json(ctx: &Context) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(ctx)
}

pub(crate) fn to_value(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::from(()),
        serde_json::Value::Bool(b) => Value::from(*b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(u)) => Value::from(u),
            _ => Value::from(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Value::from(s.as_str()),
        serde_json::Value::Array(items) => items.iter().map(to_value).collect(),
        serde_json::Value::Object(map) => Value::from_pairs(map.iter().map(|(k, v)| (k.as_str(), to_value(v)))),
    }
}
