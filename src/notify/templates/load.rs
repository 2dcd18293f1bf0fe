//! Reading `templates/` into one minijinja environment per language, with
//! every problem in every file reported at once ([`TemplateErrors`]), so a
//! template author fixes them in one pass.
//!
//! Input: the directory and the brands that must be covered. Output:
//! [`Templates`], checked (see `check.rs`), or every problem found.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior};

use super::brand::{BrandInfo, base_language, is_language_dir, normalize_language};
use super::{Kind, check, filters};

/// The neutral brand used for a brand without templates of its own.
pub(super) const DEFAULT_BRAND: &str = "_default";
/// Layouts and partials every brand may use.
const SHARED: &str = "_shared";
/// The three files of a message, by extension.
pub(super) const PARTS: [&str; 3] = ["subject", "txt", "html"];

/// One problem in one template file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TemplateProblem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    pub reason: String,
}

/// Every problem found while loading templates; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TemplateErrors(pub Vec<TemplateProblem>);

impl fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} problem(s) in the templates:", self.0.len())?;
        for p in &self.0 {
            writeln!(f, "  {}:{}: {}", p.file.display(), p.line, p.reason)?;
        }
        Ok(())
    }
}

/// Every brand's templates, loaded and checked; render with
/// [`Templates::render`].
pub struct Templates {
    pub(super) root: PathBuf,
    /// One environment per template language, so the filters speak it.
    pub(super) envs: BTreeMap<String, Environment<'static>>,
    pub(super) brands: BTreeMap<String, BrandEntry>,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates").field("root", &self.root).field("brands", &self.brands).finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct BrandEntry {
    pub default_language: Option<String>,
    /// Language directories, each complete.
    pub languages: BTreeSet<String>,
}

/// A template file and the environments it belongs in.
pub(super) struct SourceFile {
    /// `BRAND/LANG/FILE` or `BRAND/FILE`, as templates refer to it.
    pub name: String,
    pub text: String,
    /// The language directory it is in; `None`: every language.
    pub language: Option<String>,
}

/// The message files present in one language directory: (kind, part).
type Parts = HashSet<(Kind, &'static str)>;

/// What the directory holds.
#[derive(Default)]
struct Tree {
    files: Vec<SourceFile>,
    /// brand → language → message files present (kind, part).
    brands: BTreeMap<String, BTreeMap<String, Parts>>,
    languages: BTreeSet<String>,
}

impl Templates {
    /// Load `dir` (layout in `templates/README.md`), check every template
    /// of every brand and language, and report all problems at once.
    pub fn load(dir: &Path, brands: &[BrandInfo]) -> Result<Templates, TemplateErrors> {
        let mut problems = Vec::new();
        let tree = scan(dir, &mut problems)?;
        check_coverage(dir, &tree, brands, &mut problems);
        let mut broken = BTreeSet::new();
        let envs = build_envs(dir, &tree, &mut broken, &mut problems);
        let mut entries: BTreeMap<String, BrandEntry> = tree
            .brands
            .iter()
            .map(|(slug, langs)| {
                (slug.clone(), BrandEntry { default_language: None, languages: langs.keys().cloned().collect() })
            })
            .collect();
        for b in brands {
            if let Some(entry) = entries.get_mut(&b.slug) {
                entry.default_language = Some(normalize_language(&b.default_language));
            }
        }
        let templates = Templates { root: dir.to_path_buf(), envs, brands: entries };
        let flagged = check::undeclared_names(&templates, &tree.files, &mut problems);
        check::sample_renders(&templates, &broken, &flagged, &mut problems);
        if problems.is_empty() {
            return Ok(templates);
        }
        problems.sort();
        problems.dedup();
        Err(TemplateErrors(problems))
    }

    /// Brand slugs with templates, `_default` included.
    pub fn brands(&self) -> impl Iterator<Item = &str> {
        self.brands.keys().map(String::as_str)
    }

    /// The languages a brand has templates in.
    pub fn languages(&self, brand_slug: &str) -> impl Iterator<Item = &str> {
        self.brands.get(brand_slug).into_iter().flat_map(|b| b.languages.iter().map(String::as_str))
    }
}

/// The name of a message template: `casa-verde/es/delay_notice.txt`.
pub(super) fn message_name(brand: &str, lang: &str, kind: Kind, part: &str) -> String {
    format!("{brand}/{lang}/{}.{part}", kind.as_str())
}

fn problem(file: PathBuf, reason: impl Into<String>) -> TemplateProblem {
    TemplateProblem { file, line: 0, reason: reason.into() }
}

/// Sorted entries of a directory, hidden ones skipped.
fn entries(dir: &Path, problems: &mut Vec<TemplateProblem>) -> Vec<(String, PathBuf, bool)> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) => {
            problems.push(problem(dir.to_path_buf(), format!("cannot read directory: {e}")));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for entry in read {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(problem(dir.to_path_buf(), format!("cannot read directory: {e}")));
                continue;
            }
        };
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            problems.push(problem(path, "file name is not UTF-8"));
            continue;
        };
        if !name.starts_with('.') {
            out.push((name, path.clone(), path.is_dir()));
        }
    }
    out.sort();
    out
}

/// Walk `dir`: top-level files (this README) are not templates; each
/// directory is a brand, `_default` or `_shared`.
fn scan(dir: &Path, problems: &mut Vec<TemplateProblem>) -> Result<Tree, TemplateErrors> {
    if !dir.is_dir() {
        return Err(TemplateErrors(vec![problem(dir.to_path_buf(), "templates directory not found")]));
    }
    let mut tree = Tree::default();
    for (brand, path, is_dir) in entries(dir, problems) {
        if !is_dir {
            continue;
        }
        if brand != SHARED {
            tree.brands.entry(brand.clone()).or_default();
        }
        for (name, path, is_dir) in entries(&path, problems) {
            if !is_dir {
                read_source(&path, format!("{brand}/{name}"), None, &mut tree, problems);
            } else if !is_language_dir(&name) {
                problems.push(problem(path, "not a language directory (lower-case BCP 47 such as `en` or `de-at`)"));
            } else {
                scan_language(&brand, &name, &path, &mut tree, problems);
            }
        }
    }
    Ok(tree)
}

fn scan_language(brand: &str, lang: &str, dir: &Path, tree: &mut Tree, problems: &mut Vec<TemplateProblem>) {
    tree.languages.insert(lang.to_string());
    if brand != SHARED {
        tree.brands.entry(brand.to_string()).or_default().entry(lang.to_string()).or_default();
    }
    for (name, path, is_dir) in entries(dir, problems) {
        if is_dir {
            problems.push(problem(path, "unexpected directory inside a language directory"));
            continue;
        }
        if brand != SHARED && !name.starts_with('_') {
            match message_file(&name) {
                Ok(found) => {
                    tree.brands
                        .entry(brand.to_string())
                        .or_default()
                        .entry(lang.to_string())
                        .or_default()
                        .insert(found);
                }
                Err(reason) => {
                    problems.push(problem(path, reason));
                    continue;
                }
            }
        }
        read_source(&path, format!("{brand}/{lang}/{name}"), Some(lang.to_string()), tree, problems);
    }
}

/// `delay_notice.txt` → (DelayNotice, "txt").
fn message_file(name: &str) -> Result<(Kind, &'static str), String> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let Some(part) = PARTS.iter().find(|p| **p == ext) else {
        return Err(format!(
            "unexpected file: a message part ends in .subject, .txt or .html; a partial's name starts with `_` (found `{name}`)"
        ));
    };
    match Kind::ALL.into_iter().find(|k| k.as_str() == stem) {
        Some(kind) => Ok((kind, part)),
        None => {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            Err(format!("unknown kind `{stem}` (known: {})", known.join(", ")))
        }
    }
}

fn read_source(
    path: &Path,
    name: String,
    language: Option<String>,
    tree: &mut Tree,
    problems: &mut Vec<TemplateProblem>,
) {
    match std::fs::read_to_string(path) {
        Ok(text) => tree.files.push(SourceFile { name, text, language }),
        Err(e) => problems.push(problem(path.to_path_buf(), format!("cannot read: {e}"))),
    }
}

/// Every language directory of a brand is complete; `_default/en` exists;
/// each configured brand has English and its default language.
fn check_coverage(dir: &Path, tree: &Tree, brands: &[BrandInfo], problems: &mut Vec<TemplateProblem>) {
    for (brand, langs) in &tree.brands {
        if langs.is_empty() {
            problems.push(problem(dir.join(brand), "a brand directory needs at least one language directory"));
        }
        for (lang, present) in langs {
            for kind in Kind::ALL {
                for part in PARTS {
                    if !present.contains(&(kind, part)) {
                        let file = dir.join(message_name(brand, lang, kind, part));
                        problems.push(problem(
                            file,
                            "missing: a language directory needs all eight kinds, each as .subject, .txt and .html",
                        ));
                    }
                }
            }
        }
    }
    let has = |brand: &str, lang: &str| tree.brands.get(brand).is_some_and(|l| l.contains_key(lang));
    if !has(DEFAULT_BRAND, "en") {
        problems.push(problem(
            dir.join(DEFAULT_BRAND).join("en"),
            "missing: the neutral brand in English, used for unknown brands",
        ));
    }
    for b in brands {
        let brand_dir = dir.join(&b.slug);
        if !tree.brands.contains_key(&b.slug) {
            problems.push(problem(brand_dir, format!("missing: no templates for brand `{}`", b.slug)));
            continue;
        }
        if !has(&b.slug, "en") {
            problems.push(problem(brand_dir.join("en"), "missing: every brand needs English, the last fallback"));
        }
        let default = normalize_language(&b.default_language);
        if !has(&b.slug, &default) && !has(&b.slug, base_language(&default)) {
            problems
                .push(problem(brand_dir.join(&default), format!("missing: the brand's default language `{default}`")));
        }
    }
}

/// One environment per language: that language's files and every
/// language-independent file. Syntax errors are reported here; the names of
/// the files that failed go into `broken`.
fn build_envs(
    dir: &Path,
    tree: &Tree,
    broken: &mut BTreeSet<String>,
    problems: &mut Vec<TemplateProblem>,
) -> BTreeMap<String, Environment<'static>> {
    let mut envs = BTreeMap::new();
    for lang in &tree.languages {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        match SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
            Ok(syntax) => env.set_syntax(syntax),
            Err(e) => problems.push(problem(dir.to_path_buf(), format!("template syntax configuration: {e}"))),
        }
        filters::register(&mut env, lang);
        for file in tree.files.iter().filter(|f| f.language.as_ref().is_none_or(|l| l == lang)) {
            if let Err(e) = env.add_template_owned(file.name.clone(), file.text.clone()) {
                // A language-independent file fails the same way in every
                // environment; the dedup at the end keeps one report.
                problems.push(check::located(dir, &e, &env));
                broken.insert(file.name.clone());
            }
        }
        envs.insert(lang.clone(), env);
    }
    envs
}
