//! `mailroom users add|remove|list`: ops accounts for the review queue.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Subcommand;

use crate::config::Config;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Add an account, or set a new password (which signs its sessions
    /// out). The password is read from standard input (not echoed on a
    /// terminal), at least 10 characters.
    Add {
        name: String,
    },
    /// Remove an account and end its sessions.
    Remove {
        name: String,
    },
    List,
}

fn read_password() -> Result<String> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    if terminal {
        eprint!("password: ");
        let _ = std::io::stderr().flush();
        let _ = std::process::Command::new("stty").arg("-echo").status();
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if terminal {
        let _ = std::process::Command::new("stty").arg("echo").status();
        eprintln!();
    }
    read?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

pub async fn users(config: Option<PathBuf>, cmd: UsersCommand) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let store = Store::open(&cfg.database_url).await?;
    match cmd {
        UsersCommand::Add { name } => {
            if name.trim().is_empty() || name.chars().any(char::is_whitespace) {
                bail!("a user name must be one word");
            }
            let password = read_password()?;
            if password.chars().count() < 10 {
                bail!("the password must have at least 10 characters");
            }
            store.set_user(&name, &password).await?;
            println!("user {name}: password set");
        }
        UsersCommand::Remove { name } => {
            if !store.remove_user(&name).await? {
                bail!("no user {name}");
            }
            println!("user {name}: removed");
        }
        UsersCommand::List => {
            for u in store.users().await? {
                println!("{:<24} since {}", u.name, u.created_at);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
