//! HTML mail to readable text, with hidden text kept apart.
//!
//! Input: an HTML document as decoded text. Output: [`Rendered`]: the text a
//! reader sees (blocks and `<br>` as line breaks, table rows as lines with
//! " | " between cells, "- " list items, "> " blockquotes), the text hidden
//! with CSS or the `hidden` attribute, and why it was hidden. Never fails:
//! html5ever repairs any markup, and the walk is iterative, so deep nesting
//! cannot overflow the stack.

mod css;
mod sink;
mod strip;
mod visible;

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::node::Element;
use scraper::{Html, Node, Selector};

use sink::Sink;
pub use sink::tidy;
use visible::Frame;

/// The outcome of rendering one HTML part.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Rendered {
    /// What a reader sees.
    pub text: String,
    /// Text present in the markup but hidden from the reader.
    pub hidden: String,
    /// Why text was hidden ("display:none", ...), each reason once.
    pub reasons: Vec<&'static str>,
    /// Set when the markup was too deeply nested to lay out and was only
    /// stripped of tags: no table layout and no hidden-text detection.
    pub degraded: Option<String>,
}

/// Deepest nesting laid out properly. Real mail stays under a few hundred;
/// html5ever slows quadratically beyond.
const MAX_DEPTH: usize = 1_000;

/// Renders an HTML document to text.
pub fn render(html: &str) -> Rendered {
    let depth = strip::nesting_depth(html);
    if depth > MAX_DEPTH {
        return Rendered {
            text: strip::strip_tags(html),
            degraded: Some(format!(
                "HTML nested {depth} levels deep: tags stripped without layout or hidden-text detection"
            )),
            ..Rendered::default()
        };
    }
    let doc = Html::parse_document(html);
    let styles = sheet_declarations(&doc);
    let mut walker = Walker {
        styles: &styles,
        frames: vec![Frame::root()],
        visible: Sink::default(),
        hidden: Sink::default(),
        reasons: Vec::new(),
        pre_depth: 0,
    };
    walk(&doc, &mut walker);
    let hidden = walker.hidden.finish();
    Rendered {
        text: walker.visible.finish(),
        reasons: if hidden.is_empty() { Vec::new() } else { walker.reasons },
        hidden,
        degraded: None,
    }
}

/// Depth-first walk with explicit moves instead of recursion, so nesting
/// the depth guard misjudges still cannot overflow the stack.
fn walk(doc: &Html, walker: &mut Walker<'_>) {
    let root = doc.tree.root();
    let mut node = root;
    let mut entered = walker.open(node.value());
    'walk: loop {
        if entered && let Some(child) = node.first_child() {
            node = child;
            entered = walker.open(node.value());
            continue;
        }
        if entered {
            walker.close(node.value());
        }
        loop {
            if node.id() == root.id() {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                entered = walker.open(node.value());
                continue 'walk;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    walker.close(node.value());
                }
                None => break 'walk,
            }
        }
    }
}

/// Elements whose content is never shown as text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "title", "template", "svg", "math", "iframe", "object", "embed", "meta", "link", "base",
];

/// Elements that start and end on their own line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "html",
    "legend",
    "main",
    "menu",
    "nav",
    "ol",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
];

/// Elements followed by a blank line.
const PARAGRAPHS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"];

struct Walker<'a> {
    styles: &'a HashMap<usize, Vec<css::Decl>>,
    frames: Vec<Frame>,
    visible: Sink,
    hidden: Sink,
    reasons: Vec<&'static str>,
    pre_depth: usize,
}

impl Walker<'_> {
    /// Handles the start of a node; `true` when its children are to be read.
    fn open(&mut self, node: &Node) -> bool {
        match node {
            Node::Document | Node::Fragment => true,
            Node::Text(text) => {
                self.text(text);
                false
            }
            Node::Element(el) => self.open_element(el),
            // Comments (and with them Outlook's conditional blocks), doctype
            // and processing instructions are not text.
            _ => false,
        }
    }

    fn open_element(&mut self, el: &Element) -> bool {
        let name = el.name();
        if SKIPPED.contains(&name) {
            return false;
        }
        let parent = self.frames.last().cloned().unwrap_or_else(Frame::root);
        let sheet = self.styles.get(&element_key(el)).map(Vec::as_slice).unwrap_or(&[]);
        let frame = parent.child(el, sheet);
        let shown = frame.text_hidden().is_none();
        self.frames.push(frame);
        match name {
            "br" => self.both(Sink::line_break),
            "td" | "th" => self.both(Sink::cell),
            "tr" => self.both(Sink::row_start),
            "li" => self.both(Sink::bullet),
            "img" | "input" => self.both(Sink::space),
            "hr" => {
                self.both(Sink::block);
                if shown {
                    // Outlook's plain text puts this line where its HTML has
                    // <hr>; quoting rules then read both alike.
                    self.visible.text("________________________________");
                }
                self.both(Sink::block);
            }
            "blockquote" => {
                self.both(Sink::paragraph);
                self.visible.quote_depth += 1;
            }
            "p" if is_tight_paragraph(el) => self.both(Sink::block),
            _ if PARAGRAPHS.contains(&name) => self.both(Sink::paragraph),
            _ if BLOCKS.contains(&name) => self.both(Sink::block),
            _ => {}
        }
        if name == "pre" {
            self.pre_depth += 1;
            self.set_pre();
        }
        true
    }

    fn close(&mut self, node: &Node) {
        let Node::Element(el) = node else { return };
        let name = el.name();
        match name {
            "blockquote" => {
                self.visible.quote_depth = self.visible.quote_depth.saturating_sub(1);
                self.both(Sink::paragraph);
            }
            "pre" => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.set_pre();
                self.both(Sink::paragraph);
            }
            "p" if is_tight_paragraph(el) => self.both(Sink::block),
            "td" | "th" | "img" => self.both(Sink::space),
            "tr" => self.both(Sink::row_end),
            _ if PARAGRAPHS.contains(&name) => self.both(Sink::paragraph),
            _ if BLOCKS.contains(&name) || name == "li" => self.both(Sink::block),
            _ => {}
        }
        // Every element that was opened pushed exactly one frame.
        self.frames.pop();
    }

    fn text(&mut self, text: &str) {
        let reason = self.frames.last().and_then(Frame::text_hidden);
        match reason {
            None => self.visible.text(text),
            Some(reason) => {
                let meaningful = text.chars().any(|c| {
                    !(c.is_whitespace()
                        || c.is_control()
                        || ('\u{200B}'..='\u{200F}').contains(&c)
                        || c == '\u{FEFF}'
                        || c == '\u{034F}')
                });
                if meaningful && !self.reasons.contains(&reason) {
                    self.reasons.push(reason);
                }
                self.hidden.text(text);
            }
        }
    }

    fn both(&mut self, event: fn(&mut Sink)) {
        event(&mut self.visible);
        event(&mut self.hidden);
    }

    fn set_pre(&mut self) {
        self.visible.preformatted = self.pre_depth > 0;
        self.hidden.preformatted = self.pre_depth > 0;
    }
}

/// Outlook writes every line as `<p class=MsoNormal>` with no margin; other
/// generators write `margin:0`. Those are lines, not paragraphs.
fn is_tight_paragraph(el: &Element) -> bool {
    let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
    let style = el.attr("style").unwrap_or("").to_ascii_lowercase().replace(' ', "");
    class.contains("mso") || style.contains("margin:0") || style.contains("margin-bottom:0")
}

/// Elements are keyed by address: the tree is not changed while it is read,
/// so each element keeps its place, and ego-tree's id type is not public
/// through scraper.
fn element_key(el: &Element) -> usize {
    std::ptr::from_ref(el).addr()
}

/// Declarations from the document's `<style>` rules, per element.
fn sheet_declarations(doc: &Html) -> HashMap<usize, Vec<css::Decl>> {
    static STYLE: LazyLock<Option<Selector>> = LazyLock::new(|| Selector::parse("style").ok());
    let mut map: HashMap<usize, Vec<css::Decl>> = HashMap::new();
    let Some(style) = STYLE.as_ref() else {
        return map;
    };
    let sheet: String = doc.select(style).flat_map(|s| s.text()).collect::<Vec<_>>().join("\n");
    for rule in css::stylesheet(&sheet) {
        // Selectors scraper cannot match (pseudo-classes...) are skipped.
        let Ok(selector) = Selector::parse(&rule.selector) else {
            continue;
        };
        for el in doc.select(&selector) {
            map.entry(element_key(el.value())).or_default().extend(rule.decls.iter().cloned());
        }
    }
    map
}

#[cfg(test)]
mod tests;
