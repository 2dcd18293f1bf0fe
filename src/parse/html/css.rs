//! Just enough CSS to tell whether a piece of email HTML is visible.
//!
//! Input: inline `style` attributes and `<style>` sheets. Output: the
//! declarations that matter for visibility (display, sizes, colours...),
//! colours as RGB, and the rules of a sheet. Nothing here fails: what cannot
//! be read is ignored, so an unreadable rule never hides text.

use std::sync::LazyLock;

use regex::Regex;

/// One declaration, property and value lower-cased, `!important` dropped.
pub type Decl = (String, String);

/// Properties the visibility judgement reads; everything else is dropped
/// early so per-element lists stay short.
const RELEVANT: &[&str] = &[
    "display",
    "visibility",
    "font-size",
    "color",
    "background",
    "background-color",
    "background-image",
    "opacity",
    "height",
    "max-height",
    "width",
    "max-width",
    "overflow",
    "text-indent",
    "position",
    "left",
    "top",
    "transform",
];

/// Parses `a: b; c: d` into relevant declarations.
pub fn declarations(style: &str) -> Vec<Decl> {
    style
        .split(';')
        .filter_map(|d| {
            let (prop, value) = d.split_once(':')?;
            let prop = prop.trim().to_ascii_lowercase();
            if !RELEVANT.contains(&prop.as_str()) {
                return None;
            }
            let value = value.trim().to_ascii_lowercase();
            let value = value.trim_end_matches("!important").trim().to_string();
            Some((prop, value))
        })
        .collect()
}

/// A style rule: its selector list as written and its declarations.
pub struct Rule {
    pub selector: String,
    pub decls: Vec<Decl>,
}

/// Most rules a sheet contributes; newsletters rarely need more, and matching
/// costs rules × elements.
const MAX_RULES: usize = 400;

/// Top-level rules of a style sheet. At-rule blocks (`@media`, `@font-face`)
/// are skipped: media queries are conditional, and responsive templates hide
/// desktop or mobile copies of the same text there.
pub fn stylesheet(css: &str) -> Vec<Rule> {
    static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)/\*.*?\*/|<!--|-->").expect("static regex"));
    let css = COMMENT.replace_all(css, " ");
    let mut rules = Vec::new();
    let mut depth = 0usize;
    let mut prelude = String::new();
    let mut body = String::new();
    let mut skipping = false;
    for c in css.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    skipping = prelude.trim_start().starts_with('@');
                    body.clear();
                } else if !skipping {
                    body.push(c);
                }
                depth += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if !skipping && rules.len() < MAX_RULES {
                        let decls = declarations(&body);
                        if !decls.is_empty() {
                            rules.push(Rule { selector: prelude.trim().to_string(), decls });
                        }
                    }
                    prelude.clear();
                } else if !skipping {
                    body.push(c);
                }
            }
            ';' if depth == 0 => prelude.clear(), // `@import ...;` and stray text
            _ if depth == 0 => prelude.push(c),
            _ if !skipping => body.push(c),
            _ => {}
        }
    }
    rules
}

/// A colour as the renderer would paint it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    Rgb(u8, u8, u8),
    Transparent,
}

/// Reads `#fff`, `#ffffff`, `#ffffffff`, `rgb()`, `rgba()` and common names.
/// `None` for anything else (`inherit`, `currentColor`, unknown names).
pub fn color(value: &str) -> Option<Paint> {
    let v = value.trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        return hex_color(hex);
    }
    if v.starts_with("rgb") {
        return rgb_function(&v);
    }
    named_color(&v)
}

fn hex_color(hex: &str) -> Option<Paint> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| hex.get(i..i + 1).and_then(|d| u8::from_str_radix(d, 16).ok());
    let pair = |i: usize| hex.get(i..i + 2).and_then(|d| u8::from_str_radix(d, 16).ok());
    match hex.len() {
        3 | 4 => {
            let (r, g, b) = (digit(0)? * 17, digit(1)? * 17, digit(2)? * 17);
            if hex.len() == 4 && digit(3)? == 0 {
                return Some(Paint::Transparent);
            }
            Some(Paint::Rgb(r, g, b))
        }
        6 | 8 => {
            if hex.len() == 8 && pair(6)? == 0 {
                return Some(Paint::Transparent);
            }
            Some(Paint::Rgb(pair(0)?, pair(2)?, pair(4)?))
        }
        _ => None,
    }
}

fn rgb_function(v: &str) -> Option<Paint> {
    let inner = v.split_once('(')?.1.split_once(')')?.0;
    let parts: Vec<&str> =
        inner.split(|c: char| c == ',' || c == '/' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    let channel = |p: &str| -> Option<u8> {
        let n =
            if let Some(pc) = p.strip_suffix('%') { pc.parse::<f32>().ok()? * 2.55 } else { p.parse::<f32>().ok()? };
        // Clamped to 0..=255 first, so the cast cannot truncate.
        Some(n.clamp(0.0, 255.0).round() as u8)
    };
    if let Some(alpha) = parts.get(3) {
        let a = match alpha.strip_suffix('%') {
            Some(pc) => pc.parse::<f32>().ok()? / 100.0,
            None => alpha.parse::<f32>().ok()?,
        };
        if a <= 0.05 {
            return Some(Paint::Transparent);
        }
    }
    Some(Paint::Rgb(channel(parts.first()?)?, channel(parts.get(1)?)?, channel(parts.get(2)?)?))
}

fn named_color(v: &str) -> Option<Paint> {
    let (r, g, b) = match v {
        "transparent" => return Some(Paint::Transparent),
        "white" => (255, 255, 255),
        "snow" => (255, 250, 250),
        "ivory" => (255, 255, 240),
        "ghostwhite" => (248, 248, 255),
        "whitesmoke" => (245, 245, 245),
        "floralwhite" => (255, 250, 240),
        "mintcream" => (245, 255, 250),
        "azure" => (240, 255, 255),
        "aliceblue" => (240, 248, 255),
        "seashell" => (255, 245, 238),
        "black" => (0, 0, 0),
        "red" => (255, 0, 0),
        "green" => (0, 128, 0),
        "blue" => (0, 0, 255),
        "navy" => (0, 0, 128),
        "gray" | "grey" => (128, 128, 128),
        "silver" => (192, 192, 192),
        "lightgray" | "lightgrey" => (211, 211, 211),
        "darkgray" | "darkgrey" => (169, 169, 169),
        "yellow" => (255, 255, 0),
        "orange" => (255, 165, 0),
        "purple" => (128, 0, 128),
        "maroon" => (128, 0, 0),
        _ => return None,
    };
    Some(Paint::Rgb(r, g, b))
}

/// WCAG contrast ratio between two colours (1.0 = identical, 21 = black on
/// white).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f32 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f32 {
        let lin = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// A CSS length split into number and unit (`"0.5pt"` → `(0.5, "pt")`).
pub fn length(value: &str) -> Option<(f32, &str)> {
    let v = value.trim();
    let split = v.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(v.len());
    let (num, unit) = v.split_at(split);
    Some((num.parse::<f32>().ok()?, unit.trim()))
}

/// Whether a box dimension leaves no room for text: zero in any unit, or
/// one pixel (the "visually hidden" pattern of `width:1px;overflow:hidden`).
pub fn is_tiny_box(value: &str) -> bool {
    length(value).is_some_and(|(n, unit)| n == 0.0 || (n <= 1.0 && matches!(unit, "" | "px")))
}

/// How a `font-size` value changes whether text is too small to read:
/// `Some(true)` tiny, `Some(false)` readable, `None` relative to the parent.
pub fn font_size_is_tiny(value: &str) -> Option<bool> {
    let (n, unit) = match length(value) {
        Some(l) => l,
        // Keywords (`small`, `x-large`...) are all readable sizes.
        None => return Some(false),
    };
    match unit {
        "" | "px" => Some(n <= 1.5),
        "pt" => Some(n <= 1.2),
        "rem" | "vw" | "vh" => Some(n <= 0.1),
        "em" | "%" if n <= 0.1 || (unit == "%" && n <= 10.0) => Some(true),
        _ => None,
    }
}

/// The colour part of a `background` shorthand, and whether it draws an
/// image over it (then the colour behind the text cannot be known).
pub fn background(value: &str) -> (Option<Paint>, bool) {
    let has_image = value.contains("url(") || value.contains("gradient(");
    let color = value.split_whitespace().find_map(color);
    (color, has_image)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_in_all_usual_notations() {
        assert_eq!(color("#FFF"), Some(Paint::Rgb(255, 255, 255)));
        assert_eq!(color("#fefefe"), Some(Paint::Rgb(254, 254, 254)));
        assert_eq!(color("rgb(255, 255, 255)"), Some(Paint::Rgb(255, 255, 255)));
        assert_eq!(color("rgba(0,0,0,0)"), Some(Paint::Transparent));
        assert_eq!(color("rgb(100% 0% 0% / 0)"), Some(Paint::Transparent));
        assert_eq!(color("White"), Some(Paint::Rgb(255, 255, 255)));
        assert_eq!(color("inherit"), None);
        assert_eq!(color("#ggg"), None);
    }

    #[test]
    fn near_white_on_white_has_almost_no_contrast() {
        assert!(contrast((254, 254, 254), (255, 255, 255)) < 1.1);
        assert!(contrast((153, 153, 153), (255, 255, 255)) > 2.0);
    }

    #[test]
    fn font_sizes_of_zero_or_one_pixel_are_tiny() {
        assert_eq!(font_size_is_tiny("0"), Some(true));
        assert_eq!(font_size_is_tiny("1px"), Some(true));
        assert_eq!(font_size_is_tiny("0pt"), Some(true));
        assert_eq!(font_size_is_tiny("14px"), Some(false));
        assert_eq!(font_size_is_tiny("1.2em"), None);
        assert_eq!(font_size_is_tiny("small"), Some(false));
    }

    #[test]
    fn at_rules_are_skipped_and_top_level_rules_kept() {
        let css = "/* c */ @media (max-width:600px){ .m{display:none} } \
                   .pre, #x { display:none !important; mso-hide:all } p { margin:0 }";
        let rules = stylesheet(css);
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].selector, ".pre, #x");
        assert_eq!(rules[0].decls[0], ("display".to_string(), "none".to_string()));
    }
}
