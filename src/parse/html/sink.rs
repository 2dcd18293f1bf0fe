//! A text writer with the layout rules of a plain-text mail view.
//!
//! Input: text runs and structure events (block, line break, table cell,
//! list item, quote depth) from the HTML walker. Output: text with collapsed
//! whitespace, one line per block or table row, cells joined by " | ",
//! list items prefixed "- " and blockquotes prefixed "> ". Cannot fail.

#[derive(Debug, Default)]
pub struct Sink {
    out: String,
    /// Line breaks owed before the next text (2 = a blank line).
    pending_breaks: usize,
    pending_space: bool,
    /// A table cell opened after text on the same line.
    pending_cell: bool,
    pending_bullet: bool,
    line_has_text: bool,
    /// Characters written so far; tells whether a table row has text yet.
    written: usize,
    /// `written` when each open table row started.
    rows: Vec<usize>,
    /// A cell just started and holds no text yet: its first block's line
    /// break would split the row, so it is dropped.
    fresh_cell: bool,
    /// Current `<blockquote>` depth; each level prefixes a line with "> ".
    pub quote_depth: usize,
    /// Inside `<pre>`: keep spaces and line breaks as written.
    pub preformatted: bool,
}

/// Characters that take no room on screen and only add noise (zero-width
/// space, byte-order mark, soft hyphen, combining grapheme joiner). ZWJ and
/// ZWNJ stay: Indic and Persian scripts need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}' | '\u{2060}')
}

impl Sink {
    /// Ends the current block: the next text starts on a new line.
    pub fn block(&mut self) {
        if !self.fresh_cell {
            self.pending_breaks = self.pending_breaks.max(1);
            self.pending_cell = false;
        }
    }

    /// Ends a paragraph: the next text starts after a blank line.
    pub fn paragraph(&mut self) {
        if !self.fresh_cell {
            self.pending_breaks = 2;
            self.pending_cell = false;
        }
    }

    /// A table row starts on its own line.
    pub fn row_start(&mut self) {
        self.fresh_cell = false;
        self.block();
        self.rows.push(self.written);
    }

    /// A row with text ends its line; a paragraph closing in its last cell
    /// does not put a blank line between rows.
    pub fn row_end(&mut self) {
        self.fresh_cell = false;
        match self.rows.pop() {
            Some(start) if self.written > start => {
                self.pending_breaks = 1;
                self.pending_cell = false;
            }
            _ => self.block(),
        }
    }

    /// `<br>`: each one adds a line break, up to one blank line.
    pub fn line_break(&mut self) {
        if self.line_has_text || self.pending_breaks > 0 {
            self.pending_breaks = (self.pending_breaks + 1).min(2);
        }
        self.pending_cell = false;
    }

    /// A table cell starts: separated by " | " from text before it in the
    /// same row, even when that text ended a block (`<td><p>…</p></td>`).
    /// Empty spacer cells add nothing.
    pub fn cell(&mut self) {
        if self.rows.last().is_some_and(|&start| self.written > start) {
            self.pending_breaks = 0;
            self.pending_cell = true;
        }
        self.fresh_cell = true;
    }

    /// A list item starts on its own line with "- ".
    pub fn bullet(&mut self) {
        self.block();
        self.pending_bullet = true;
    }

    /// A word boundary that is not written as whitespace (between inline
    /// blocks, images...).
    pub fn space(&mut self) {
        self.pending_space = true;
    }

    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            if is_invisible(c) || (c.is_control() && c != '\n' && c != '\t') {
                continue;
            }
            if self.preformatted {
                if c == '\n' {
                    self.pending_breaks = (self.pending_breaks + 1).min(2);
                    self.line_has_text = false;
                } else {
                    self.put(c);
                }
            } else if c.is_whitespace() && c != '\u{A0}' {
                self.pending_space = true;
            } else {
                // A no-break space is content, as on screen: a paragraph of
                // just `&nbsp;` is Outlook's blank line.
                self.put(if c == '\u{A0}' { ' ' } else { c });
            }
        }
    }

    fn put(&mut self, c: char) {
        if self.pending_breaks > 0 && !self.out.is_empty() {
            for _ in 0..self.pending_breaks {
                self.out.push('\n');
            }
            self.line_has_text = false;
        }
        self.pending_breaks = 0;
        if !self.line_has_text {
            for _ in 0..self.quote_depth {
                self.out.push_str("> ");
            }
            if self.pending_bullet {
                self.out.push_str("- ");
            }
        } else if self.pending_cell {
            self.out.push_str(" | ");
        } else if self.pending_space && !self.out.ends_with(' ') {
            self.out.push(' ');
        }
        self.pending_bullet = false;
        self.pending_cell = false;
        self.pending_space = false;
        self.fresh_cell = false;
        self.line_has_text = true;
        self.written += 1;
        self.out.push(c);
    }

    /// The text with every line trimmed and runs of blank lines collapsed
    /// to one.
    pub fn finish(self) -> String {
        tidy(&self.out)
    }
}

/// Trims lines, drops lines of only invisible joiners, collapses blank runs.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.lines() {
        // Joiners at a line's edge join nothing; preheader padding is made
        // of them.
        let line = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200C}' | '\u{200D}'));
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_cells_join_with_bars() {
        let mut s = Sink::default();
        s.row_start();
        s.cell();
        s.text("  Status:\n  ");
        s.cell();
        s.paragraph();
        s.text(" In transit ");
        s.paragraph();
        s.row_end();
        s.row_start();
        s.cell();
        s.cell();
        s.text("Next");
        assert_eq!(s.finish(), "Status: | In transit\nNext");
    }

    #[test]
    fn two_line_breaks_make_one_blank_line() {
        let mut s = Sink::default();
        s.line_break();
        s.text("a");
        s.line_break();
        s.line_break();
        s.line_break();
        s.text("b");
        assert_eq!(s.finish(), "a\n\nb");
    }

    #[test]
    fn quoted_lines_get_a_prefix_per_level() {
        let mut s = Sink::default();
        s.text("new");
        s.paragraph();
        s.quote_depth = 2;
        s.text("old");
        assert_eq!(s.finish(), "new\n\n> > old");
    }
}
