//! Words that depend on the language: dates, order statuses, notice kinds,
//! country names and the shape of a postal address.
//!
//! Input: a template's language directory name (`en`, `de`, `de-at`);
//! anything without tables of its own is written in English. Output:
//! strings. Pure.

mod countries;
mod phrases;

use chrono::{Datelike, NaiveDate};

pub(super) use countries::country_name;
#[cfg(test)]
pub(super) use phrases::STATUSES;
pub(super) use phrases::{kind_phrase, status_phrase};

/// The languages with tables; each template language maps to one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    Hi,
    Id,
    Es,
    De,
    Fr,
    Nl,
}

impl Lang {
    pub(super) fn of(tag: &str) -> Lang {
        match tag.split('-').next().unwrap_or(tag) {
            "hi" => Lang::Hi,
            "id" => Lang::Id,
            "es" => Lang::Es,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "nl" => Lang::Nl,
            _ => Lang::En,
        }
    }
}

/// Monday first, as chrono numbers them.
fn weekdays(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        Lang::Hi => ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"],
        Lang::Id => ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
        Lang::Es => ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        Lang::De => ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        Lang::Fr => ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        Lang::Nl => ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    }
}

fn months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        Lang::Hi => ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्तूबर", "नवंबर", "दिसंबर"],
        Lang::Id => [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
        Lang::Es => [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        Lang::De => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        Lang::Fr => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        Lang::Nl => [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    }
}

/// A full date as people write it in a letter: "Tuesday, 24 November 2026",
/// "Dienstag, 24. November 2026", "mardi 1er décembre 2026".
pub(super) fn format_date(date: NaiveDate, tag: &str) -> String {
    let lang = Lang::of(tag);
    let weekday = weekdays(lang)[date.weekday().num_days_from_monday() as usize];
    let mut month = months(lang)[date.month0() as usize];
    if tag == "de-at" && date.month() == 1 {
        month = "Jänner";
    }
    let (day, year) = (date.day(), date.year());
    match lang {
        Lang::En if tag == "en-us" => format!("{weekday}, {month} {day}, {year}"),
        Lang::En | Lang::Hi | Lang::Id => format!("{weekday}, {day} {month} {year}"),
        Lang::Es => format!("{weekday}, {day} de {month} de {year}"),
        Lang::De => format!("{weekday}, {day}. {month} {year}"),
        Lang::Fr if day == 1 => format!("{weekday} 1er {month} {year}"),
        Lang::Fr | Lang::Nl => format!("{weekday} {day} {month} {year}"),
    }
}

/// The parts of a postal address, as [`format_address`] needs them.
pub(super) struct Address<'a> {
    pub line1: &'a str,
    pub line2: Option<&'a str>,
    pub city: &'a str,
    pub region: Option<&'a str>,
    pub postcode: &'a str,
    pub country: &'a str,
}

/// One line per part, in the order the destination's post expects, the
/// country name last in the reader's language.
pub(super) fn format_address(a: &Address<'_>, tag: &str) -> String {
    let region = a.region.filter(|r| !r.trim().is_empty());
    let country = a.country.to_ascii_uppercase();
    let mut lines: Vec<String> = vec![a.line1.to_string()];
    lines.extend(a.line2.filter(|l| !l.trim().is_empty()).map(str::to_string));
    match (country.as_str(), region) {
        ("GB" | "IE", _) => {
            lines.push(a.city.to_string());
            lines.push(a.postcode.to_string());
        }
        ("US" | "CA", Some(r)) => lines.push(format!("{}, {} {}", a.city, r, a.postcode)),
        ("AU", Some(r)) => lines.push(format!("{} {} {}", a.city, r, a.postcode)),
        ("IN" | "ID" | "MY", Some(r)) => lines.push(format!("{}, {} {}", a.city, r, a.postcode)),
        ("US" | "CA" | "AU" | "IN" | "ID" | "MY", None) => lines.push(format!("{} {}", a.city, a.postcode)),
        // Continental Europe: postcode first; the region is not part of
        // the postal address.
        _ => lines.push(format!("{} {}", a.postcode, a.city)),
    }
    lines.push(country_name(&country, tag));
    lines.join("\n")
}
