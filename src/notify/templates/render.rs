//! Rendering one message: the language fallback, then subject, text and
//! HTML from the chosen brand and language.
//!
//! Input: brand slug, the customer's language, the kind and its
//! [`Context`]. Output: [`Rendered`], or a [`RenderError`] naming the
//! template (rare: every template rendered at load with sample contexts).

use minijinja::Environment;

use super::brand::language_chain;
use super::load::{DEFAULT_BRAND, Templates, message_name};
use super::text::{one_line, tidy_text};
use super::value::{context_json, to_value};
use super::{Context, Kind, Rendered};

/// Why a message could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("no templates for brand `{brand}` in any of {tried:?}")]
    NoTemplates { brand: String, tried: Vec<String> },
    #[error("the context cannot be given to templates: {0}")]
    Context(#[from] serde_json::Error),
    #[error("template {template}: {source:#}")]
    Template {
        template: String,
        #[source]
        source: minijinja::Error,
    },
}

impl Templates {
    /// Render `kind` for a customer of `brand_slug` who reads `language`.
    ///
    /// Tries the customer's language (`en-AU`, then `en`), the brand's
    /// default language, then English; a brand without templates is
    /// written as the neutral `_default` brand in English.
    pub fn render(&self, brand_slug: &str, language: &str, kind: Kind, ctx: &Context) -> Result<Rendered, RenderError> {
        let (brand, entry) = match self.brands.get_key_value(brand_slug) {
            Some((slug, entry)) if slug != DEFAULT_BRAND => (slug.as_str(), entry),
            _ => match self.brands.get_key_value(DEFAULT_BRAND) {
                Some((slug, entry)) => (slug.as_str(), entry),
                None => return Err(RenderError::NoTemplates { brand: brand_slug.to_string(), tried: Vec::new() }),
            },
        };
        let tried = language_chain(language, entry.default_language.as_deref());
        let found = tried.iter().find(|l| entry.languages.contains(*l)).and_then(|l| Some((l, self.envs.get(l)?)));
        let Some((lang, env)) = found else {
            return Err(RenderError::NoTemplates { brand: brand.to_string(), tried });
        };
        let value = to_value(&context_json(ctx)?);
        let part = |ext: &str| render_part(env, &message_name(brand, lang, kind, ext), &value);
        Ok(Rendered {
            subject: one_line(&part("subject")?),
            text: tidy_text(&part("txt")?),
            html: part("html")?.trim().to_string() + "\n",
            language: lang.clone(),
        })
    }
}

fn render_part(env: &Environment<'static>, name: &str, value: &minijinja::Value) -> Result<String, RenderError> {
    env.get_template(name)
        .and_then(|t| t.render(value))
        .map_err(|source| RenderError::Template { template: name.to_string(), source })
}
