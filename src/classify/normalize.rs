//! Spelling normalisation for the text rules match.
//!
//! Customers write fast: "adress", "recieved", "cancle", "can u", "pls".
//! Rather than misspell every rule, common misspellings and chat
//! abbreviations are mapped to one spelling, word by word, before the rules
//! look. Facts are extracted from the original text, never from this one.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// (as written, as rules expect it). Whole words only, lower case. Only
/// unambiguous English forms: "oder" is German for "or", so it stays.
const FIXES: &[(&str, &str)] = &[
    ("adress", "address"),
    ("addres", "address"),
    ("adddress", "address"),
    ("adresses", "addresses"),
    ("addreses", "addresses"),
    ("recieve", "receive"),
    ("recieved", "received"),
    ("recived", "received"),
    ("receieved", "received"),
    ("revieved", "received"),
    ("deliverd", "delivered"),
    ("delivred", "delivered"),
    ("delievered", "delivered"),
    ("delivary", "delivery"),
    ("dilivery", "delivery"),
    ("delievery", "delivery"),
    ("delivey", "delivery"),
    ("deliery", "delivery"),
    ("pakage", "package"),
    ("packge", "package"),
    ("pacakge", "package"),
    ("pakcage", "package"),
    ("parcle", "parcel"),
    ("cancle", "cancel"),
    ("cancell", "cancel"),
    ("cansel", "cancel"),
    ("cancelation", "cancellation"),
    ("refnd", "refund"),
    ("refudn", "refund"),
    ("reimbursment", "reimbursement"),
    ("shiping", "shipping"),
    ("shipp", "ship"),
    ("shiped", "shipped"),
    ("ordr", "order"),
    ("orde", "order"),
    ("oreder", "order"),
    ("chnage", "change"),
    ("chnge", "change"),
    ("cahnge", "change"),
    ("chang", "change"),
    ("complant", "complaint"),
    ("complaing", "complaint"),
    ("compaint", "complaint"),
    ("wheres", "where's"),
    ("whers", "where's"),
    ("wher", "where"),
    ("havent", "haven't"),
    ("hasnt", "hasn't"),
    ("didnt", "didn't"),
    ("dont", "don't"),
    ("wont", "won't"),
    ("cant", "can't"),
    ("im", "i'm"),
    ("ive", "i've"),
    ("u", "you"),
    ("ur", "your"),
    ("pls", "please"),
    ("plz", "please"),
    ("pleae", "please"),
    ("plese", "please"),
    ("thx", "thanks"),
    ("tmrw", "tomorrow"),
    ("tmr", "tomorrow"),
    ("tommorow", "tomorrow"),
    ("tomorow", "tomorrow"),
    ("wat", "what"),
    ("wen", "when"),
    ("damged", "damaged"),
    ("damagd", "damaged"),
    ("brokn", "broken"),
    ("retrun", "return"),
    ("exchnage", "exchange"),
    ("recieving", "receiving"),
    ("trackin", "tracking"),
    ("tracing", "tracking"),
];

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[A-Za-z]+\b").expect("static regex"));
static MAP: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| FIXES.iter().copied().collect());

/// `text` with known misspellings replaced; everything else untouched.
pub fn normalize(text: &str) -> String {
    WORD.replace_all(text, |c: &Captures<'_>| {
        let word = &c[0];
        match MAP.get(word.to_ascii_lowercase().as_str()) {
            Some(fixed) => (*fixed).to_string(),
            None => word.to_string(),
        }
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_misspellings_and_chat_words_are_normalised() {
        assert_eq!(
            normalize("pls chnge my adress, i havent recieved the pakage"),
            "please change my address, i haven't received the package"
        );
        assert_eq!(normalize("can u deliver tmrw?"), "can you deliver tomorrow?");
    }

    #[test]
    fn words_that_only_look_like_misspellings_are_left_alone() {
        assert_eq!(normalize("Lieferung oder Abholung, Umschlag"), "Lieferung oder Abholung, Umschlag");
        assert_eq!(normalize("SO-10231 u2 Ship-To: Wien"), "SO-10231 u2 Ship-To: Wien");
    }
}
