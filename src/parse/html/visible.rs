//! Whether text inside an element would be seen by a person reading the mail.
//!
//! Input: the parent's [`Frame`], an element and the style-sheet declarations
//! that match it. Output: the element's frame, which says whether its text is
//! hidden and why. Unknown or unreadable CSS never hides anything.

use scraper::node::Element;

use super::css::{self, Decl, Paint};

const WHITE: (u8, u8, u8) = (255, 255, 255);
const BLACK: (u8, u8, u8) = (0, 0, 0);
/// The browser's default link colour, which wins over an inherited colour.
const LINK_BLUE: (u8, u8, u8) = (0, 0, 238);
/// Below this contrast ratio text is unreadable (#f5f5f5 on white is ~1.1).
const MIN_CONTRAST: f32 = 1.1;

/// What an element passes on to its content.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Hidden in a way no descendant can undo (display:none, opacity:0...).
    hidden_by: Option<&'static str>,
    /// `font-size` too small to read; a child may set a readable size again,
    /// which responsive templates do on purpose (font-size:0 containers).
    tiny_font: bool,
    /// `visibility:hidden`; a child may set `visible` again.
    invisible: bool,
    color: Paint,
    /// The colour behind the text; `None` when an image is drawn there.
    background: Option<(u8, u8, u8)>,
}

impl Frame {
    /// The page itself: black text on white, as mail clients show it.
    pub fn root() -> Frame {
        Frame {
            hidden_by: None,
            tiny_font: false,
            invisible: false,
            color: Paint::Rgb(BLACK.0, BLACK.1, BLACK.2),
            background: Some(WHITE),
        }
    }

    /// Why text directly in this frame is hidden, or `None` when visible.
    pub fn text_hidden(&self) -> Option<&'static str> {
        if let Some(reason) = self.hidden_by {
            return Some(reason);
        }
        if self.tiny_font {
            return Some("font-size 0 or 1px");
        }
        if self.invisible {
            return Some("visibility:hidden");
        }
        match (self.color, self.background) {
            (Paint::Transparent, _) => Some("transparent text"),
            (Paint::Rgb(r, g, b), Some(bg)) if css::contrast((r, g, b), bg) < MIN_CONTRAST => {
                Some("text colour matches the background")
            }
            _ => None,
        }
    }

    /// The frame for `el`, a child of `self`. `sheet` holds the declarations
    /// of `<style>` rules matching `el`; its inline style is applied after.
    pub fn child(&self, el: &Element, sheet: &[Decl]) -> Frame {
        let mut frame = self.clone();
        let mut style = Style::default();
        for (prop, value) in sheet.iter().cloned().chain(css::declarations(el.attr("style").unwrap_or(""))) {
            style.set(prop, value);
        }
        if el.attr("hidden").is_some() {
            frame.hidden_by = frame.hidden_by.or(Some("hidden attribute"));
        }
        frame.hidden_by = frame.hidden_by.or_else(|| style.hard_hidden());
        frame.apply_colors(el, &style);
        if let Some(v) = &style.visibility {
            match v.as_str() {
                "hidden" | "collapse" => frame.invisible = true,
                "visible" => frame.invisible = false,
                _ => {}
            }
        }
        if let Some(tiny) = style.font_size.as_deref().and_then(css::font_size_is_tiny) {
            frame.tiny_font = tiny;
        }
        frame
    }

    fn apply_colors(&mut self, el: &Element, style: &Style) {
        let name = el.name();
        let attr_color = match name {
            "font" => el.attr("color"),
            "body" => el.attr("text"),
            _ => None,
        };
        if let Some(c) = style.color.as_deref().or(attr_color).and_then(css::color) {
            self.color = c;
        } else if name == "a" && el.attr("href").is_some() {
            self.color = Paint::Rgb(LINK_BLUE.0, LINK_BLUE.1, LINK_BLUE.2);
        }
        // Background: attribute first, CSS over it; an image hides the colour.
        let mut painted = el.attr("bgcolor").and_then(css::color);
        let mut image = el.attr("background").is_some_and(|b| !b.trim().is_empty());
        if let Some(bg) = &style.background {
            let (c, img) = css::background(bg);
            painted = c.or(painted);
            image |= img;
        }
        if let Some(c) = style.background_color.as_deref().and_then(css::color) {
            painted = Some(c);
        }
        if style.background_image.as_deref().is_some_and(|v| v.contains("url(") || v.contains("gradient(")) {
            image = true;
        }
        if image {
            self.background = None;
        } else if let Some(Paint::Rgb(r, g, b)) = painted {
            self.background = Some((r, g, b));
        }
    }
}

/// The last value of each property that matters, in cascade order.
#[derive(Debug, Default)]
struct Style {
    display: Option<String>,
    visibility: Option<String>,
    font_size: Option<String>,
    color: Option<String>,
    background: Option<String>,
    background_color: Option<String>,
    background_image: Option<String>,
    opacity: Option<String>,
    overflow: Option<String>,
    zero_box: bool,
    text_indent: Option<String>,
    position: Option<String>,
    offset_left_top: Option<String>,
    transform: Option<String>,
}

impl Style {
    fn set(&mut self, prop: String, value: String) {
        let slot = match prop.as_str() {
            "display" => &mut self.display,
            "visibility" => &mut self.visibility,
            "font-size" => &mut self.font_size,
            "color" => &mut self.color,
            "background" => &mut self.background,
            "background-color" => &mut self.background_color,
            "background-image" => &mut self.background_image,
            "opacity" => &mut self.opacity,
            "overflow" => &mut self.overflow,
            "text-indent" => &mut self.text_indent,
            "position" => &mut self.position,
            "transform" => &mut self.transform,
            "left" | "top" => {
                // Keep the most off-screen of the two.
                if css::length(&value).is_some_and(|(n, _)| n <= -500.0) {
                    self.offset_left_top = Some(value);
                }
                return;
            }
            "height" | "max-height" | "width" | "max-width" => {
                self.zero_box |= css::is_tiny_box(&value);
                return;
            }
            _ => return,
        };
        *slot = Some(value);
    }

    /// Hiding that descendants cannot undo. `mso-hide:all` is not among
    /// them: it hides only in Outlook, and templates put it on the button
    /// every other client shows.
    fn hard_hidden(&self) -> Option<&'static str> {
        if self.display.as_deref() == Some("none") {
            return Some("display:none");
        }
        if self.opacity.as_deref().and_then(opacity).is_some_and(|o| o <= 0.05) {
            return Some("opacity:0");
        }
        if self.zero_box && self.overflow.as_deref().is_some_and(|o| o.contains("hidden")) {
            return Some("zero height or width with overflow:hidden");
        }
        if self.text_indent.as_deref().and_then(css::length).is_some_and(|(n, _)| n <= -500.0) {
            return Some("text pushed off-screen");
        }
        let positioned = matches!(self.position.as_deref(), Some("absolute" | "fixed"));
        if positioned && self.offset_left_top.is_some() {
            return Some("text pushed off-screen");
        }
        if self.transform.as_deref().is_some_and(|t| t.replace(' ', "").contains("scale(0)")) {
            return Some("transform:scale(0)");
        }
        None
    }
}

/// `0.5` or `50%` as a fraction.
fn opacity(value: &str) -> Option<f32> {
    match value.strip_suffix('%') {
        Some(pc) => pc.trim().parse::<f32>().ok().map(|p| p / 100.0),
        None => value.trim().parse::<f32>().ok(),
    }
}
