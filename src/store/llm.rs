//! The model tier's response cache.

use sqlx::Row;

use super::{Store, StoreError, now};

/// One cached answer.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedReply {
    pub content: String,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
}

impl Store {
    pub async fn cached_reply(&self, key: &str) -> Result<Option<CachedReply>, StoreError> {
        let row = sqlx::query("SELECT content, prompt_tokens, completion_tokens FROM llm_cache WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| {
            Ok(CachedReply {
                content: r.try_get("content")?,
                prompt_tokens: r.try_get::<i64, _>("prompt_tokens")?.try_into().unwrap_or(u32::MAX),
                completion_tokens: r.try_get::<i64, _>("completion_tokens")?.try_into().unwrap_or(u32::MAX),
            })
        })
        .transpose()
    }

    /// Keep an answer; a second answer for the same key changes nothing.
    pub async fn cache_reply(
        &self,
        key: &str,
        prompt_version: &str,
        model: &str,
        reply: &CachedReply,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO llm_cache (key, prompt_version, model, content, prompt_tokens, completion_tokens, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(prompt_version)
        .bind(model)
        .bind(&reply.content)
        .bind(i64::from(reply.prompt_tokens))
        .bind(i64::from(reply.completion_tokens))
        .bind(now())
        .execute(self.pool())
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_answer_is_cached_once_by_key() {
        for store in crate::store::test_stores().await {
            let r = CachedReply { content: "{}".into(), prompt_tokens: 10, completion_tokens: 2 };
            assert_eq!(store.cached_reply("k").await.unwrap(), None);
            store.cache_reply("k", "v1", "m", &r).await.unwrap();
            store.cache_reply("k", "v1", "m", &CachedReply { content: "other".into(), ..r.clone() }).await.unwrap();
            assert_eq!(store.cached_reply("k").await.unwrap(), Some(r));
        }
    }
}
