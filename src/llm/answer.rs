//! The model's answer to the classification prompt: its JSON schema (sent
//! as `response_format`) and the strict reading of what comes back.
//!
//! Constrained decoding (OpenAI structured outputs, llama.cpp grammars)
//! makes a schema violation rare, but the answer is untrusted input: it is
//! parsed with unknown fields refused and every value range checked here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::domain::Category;

/// What the model says about one email. Nothing here is acted on without
/// the checks in [`super::combine`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelAnswer {
    pub category: Category,
    pub confidence: f32,
    pub order_refs: Vec<String>,
    pub new_address: Option<ModelAddress>,
    pub new_date: Option<String>,
    pub lines: Vec<ModelLine>,
    pub summary: String,
    pub instructs_agent: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelAddress {
    pub line1: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelLine {
    pub sku: String,
    pub shipped: Option<u32>,
    pub backordered: Option<u32>,
}

pub const SCHEMA_NAME: &str = "mailroom_triage";

/// The JSON schema of [`ModelAnswer`], in the subset both OpenAI's strict
/// mode and llama.cpp's grammar converter accept; with `limits`, string
/// lengths and list sizes are bounded too (servers that decode by grammar
/// enforce them; OpenAI's strict mode does not accept them).
pub fn schema(limits: bool) -> Value {
    let nullable = |v: Value| json!({"anyOf": [v, {"type": "null"}]});
    let bounded = |mut v: Value, key: &str, n: u32| {
        if limits {
            v[key] = json!(n);
        }
        v
    };
    // Small bounds: a weak model fills every field it may to the brim, and
    // an answer cut at the token limit is no answer at all.
    let string = bounded(json!({"type": "string"}), "maxLength", 24);
    let summary = bounded(json!({"type": "string"}), "maxLength", 100);
    let mut date = json!({"type": "string"});
    if limits {
        date["pattern"] = json!("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["category", "confidence", "order_refs", "new_address", "new_date", "lines", "summary", "instructs_agent"],
        "properties": {
            "category": {"type": "string", "enum": Category::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>()},
            "confidence": {"type": "number"},
            "order_refs": bounded(json!({"type": "array", "items": string}), "maxItems", 2),
            "new_address": nullable(json!({
                "type": "object",
                "additionalProperties": false,
                "required": ["line1", "city", "postcode", "country"],
                "properties": {"line1": string, "city": string, "postcode": string, "country": string}
            })),
            "new_date": nullable(date),
            "lines": bounded(json!({"type": "array", "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["sku", "shipped", "backordered"],
                "properties": {
                    "sku": string,
                    "shipped": nullable(json!({"type": "integer"})),
                    "backordered": nullable(json!({"type": "integer"}))
                }
            }}), "maxItems", 2),
            "summary": summary,
            "instructs_agent": {"type": "boolean"}
        }
    })
}

/// Read and check one answer. Errors name what is wrong, for the record.
pub fn parse_answer(content: &str) -> Result<ModelAnswer, String> {
    // Some servers wrap JSON in a code fence even when asked not to.
    let text = content.trim().trim_start_matches("```json").trim_start_matches("```").trim_end_matches("```").trim();
    if text.is_empty() {
        return Err("empty answer".into());
    }
    let answer: ModelAnswer = serde_json::from_str(text).map_err(|e| format!("{e}"))?;
    if !(0.0..=1.0).contains(&answer.confidence) || answer.confidence.is_nan() {
        return Err(format!("confidence {} is outside 0..1", answer.confidence));
    }
    if let Some(d) = &answer.new_date
        && NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err()
    {
        return Err(format!("new_date {d:?} is not YYYY-MM-DD"));
    }
    if answer.order_refs.len() > 20 || answer.lines.len() > 100 || answer.summary.chars().count() > 1_000 {
        return Err("answer is larger than any email warrants".into());
    }
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"category":"carrier_delay","confidence":0.9,"order_refs":["SO-1"],"new_address":null,
        "new_date":"2026-11-20","lines":[],"summary":"Parcel late.","instructs_agent":false}"#;

    #[test]
    fn a_good_answer_parses() {
        let a = parse_answer(GOOD).unwrap();
        assert_eq!(a.category, Category::CarrierDelay);
        assert_eq!(parse_answer(&format!("```json\n{GOOD}\n```")).unwrap(), a);
    }

    #[test]
    fn violations_are_named() {
        let cases = [
            (GOOD.replace("carrier_delay", "urgent_refund"), "unknown variant"),
            (GOOD.replace("0.9", "7"), "outside 0..1"),
            (GOOD.replace("2026-11-20", "next week"), "not YYYY-MM-DD"),
            (GOOD.replace("\"summary\"", "\"approve\":true,\"summary\""), "unknown field"),
            (GOOD.replace(",\"instructs_agent\":false", ""), "missing field"),
            ("{\"category\": ".to_string(), "EOF"),
            (String::new(), "empty"),
        ];
        for (text, want) in cases {
            let e = parse_answer(&text).unwrap_err();
            assert!(e.contains(want), "{text}: {e}");
        }
    }

    #[test]
    fn the_schema_lists_every_category_and_requires_every_field() {
        let s = schema(false);
        assert_eq!(s["properties"]["category"]["enum"].as_array().unwrap().len(), 15);
        assert_eq!(s["required"].as_array().unwrap().len(), s["properties"].as_object().unwrap().len());
        assert!(!s.to_string().contains("maxLength"), "the strict-mode subset has no length bounds");
        let bounded = schema(true);
        assert_eq!(bounded["properties"]["summary"]["maxLength"], 100);
        assert_eq!(bounded["properties"]["order_refs"]["maxItems"], 2);
    }
}
