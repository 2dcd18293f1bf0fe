//! The words that introduce a new address, in each language we serve, and
//! how the new address is told from the old one.

use super::*;

const FULL: &str = "22 Residency Road, Bengaluru 560025, India";

#[test]
fn english_cues_introduce_the_address() {
    for cue in [
        "My new address is",
        "Please ship it to",
        "Please deliver to",
        "Could you send the parcel to",
        "Please change the address to",
        "Please update my shipping address to",
        "The correct address is",
        "Kindly deliver to",
        "Please redirect my order to",
        "I have moved to",
        "I now live at",
        "New delivery address:",
        "Please ship order #10231 to",
    ] {
        let text = format!("Hi, {cue} {FULL}. Thanks, Priya");
        assert_address(&text, "22 Residency Road", Some("Bengaluru"), Some("560025"), Some("IN"));
    }
}

#[test]
fn hindi_cues_in_devanagari_and_roman_letters_introduce_the_address() {
    for cue in ["naya address hai", "mera naya pata:", "नया पता:", "नया पता है", "naya address:"]
    {
        let text = format!("Namaste, {cue} {FULL}");
        assert_address(&text, "22 Residency Road", Some("Bengaluru"), Some("560025"), Some("IN"));
    }
}

#[test]
fn indonesian_cues_introduce_the_address() {
    for cue in
        ["Alamat baru saya adalah", "tolong kirim ke", "Mohon dikirim ke alamat berikut:", "ganti alamat menjadi"]
    {
        let text = format!("Halo, {cue} Jl. Pemuda No. 150, Surabaya 60271, Indonesia. Terima kasih");
        assert_address(&text, "Jl. Pemuda No. 150", Some("Surabaya"), Some("60271"), Some("ID"));
    }
}

#[test]
fn spanish_cues_introduce_the_address() {
    for cue in [
        "Mi nueva dirección es",
        "Por favor, enviar a",
        "La dirección correcta es",
        "Quiero cambiar la dirección de entrega a",
    ] {
        let text = format!("Hola, {cue} Carrer de Mallorca 245, 08008 Barcelona, España. Gracias");
        assert_address(&text, "Carrer de Mallorca 245", Some("Barcelona"), Some("08008"), Some("ES"));
    }
}

#[test]
fn german_cues_introduce_the_address() {
    for cue in [
        "Meine neue Adresse lautet",
        "Neue Lieferadresse:",
        "Bitte liefern an",
        "Bitte schicken Sie das Paket an",
        "Die richtige Adresse ist",
    ] {
        let text = format!("Hallo, {cue} Bahnhofstraße 14, 20095 Hamburg, Deutschland. Danke");
        assert_address(&text, "Bahnhofstraße 14", Some("Hamburg"), Some("20095"), Some("DE"));
    }
}

#[test]
fn french_cues_introduce_the_address() {
    for cue in
        ["Ma nouvelle adresse est", "Merci de livrer à", "L'adresse correcte est", "Pouvez-vous envoyer le colis à"]
    {
        let text = format!("Bonjour, {cue} 3 quai des Chartrons, 33000 Bordeaux, France. Cordialement");
        assert_address(&text, "3 quai des Chartrons", Some("Bordeaux"), Some("33000"), Some("FR"));
    }
}

#[test]
fn dutch_cues_introduce_the_address() {
    for cue in ["Mijn nieuwe adres is", "Graag bezorgen op", "Het juiste adres is", "Nieuw adres:"] {
        let text = format!("Hallo, {cue} Oudegracht 158, 3511 AZ Utrecht, Nederland. Bedankt");
        assert_address(&text, "Oudegracht 158", Some("Utrecht"), Some("3511 AZ"), Some("NL"));
    }
}

#[test]
fn an_address_before_is_my_new_address_is_found() {
    assert_address(
        "22 Residency Road, Bengaluru 560025 is my new address.",
        "22 Residency Road",
        Some("Bengaluru"),
        Some("560025"),
        None,
    );
}

#[test]
fn the_new_address_wins_over_the_old_one_named_first() {
    let text =
        "My old address was 14 MG Road, Bengaluru 560001. Please change to 22 Residency Road, Bengaluru 560025, India.";
    assert_eq!(found(text).postcode.as_deref(), Some("560025"));
}

#[test]
fn a_change_from_old_to_new_gives_the_new_address() {
    let text =
        "Please change my delivery address from 14 MG Road, Bengaluru 560001 to 22 Residency Road, Bengaluru 560025.";
    assert_eq!(found(text).postcode.as_deref(), Some("560025"));
}

#[test]
fn the_old_address_after_instead_of_is_cut_away() {
    let text = "Please ship to 22 Residency Road, Bengaluru 560025 instead of 14 MG Road, Bengaluru 560001.";
    let a = found(text);
    assert_eq!(a.line1, "22 Residency Road");
    assert_eq!(a.postcode.as_deref(), Some("560025"));
}

#[test]
fn old_and_new_labels_pick_the_new_block() {
    let text = "Please update the address. Old: 14 MG Road, Bengaluru 560001. New: 22 Residency Road, Bengaluru 560025";
    assert_eq!(found(text).postcode.as_deref(), Some("560025"));
    let german = "Alte Adresse: Hauptstraße 5, 80331 München\nNeue Adresse: Schillerstraße 21, 10625 Berlin";
    assert_eq!(found(german).city.as_deref(), Some("Berlin"));
}

#[test]
fn an_explicit_new_address_wins_over_an_earlier_ship_to() {
    let text = "You were supposed to deliver to 14 MG Road, Bengaluru 560001, India but I moved. New address: 22 Residency Road, Bengaluru 560025.";
    assert_eq!(found(text).postcode.as_deref(), Some("560025"));
}

#[test]
fn a_negated_cue_is_not_a_cue() {
    let text = "Please do not ship to 14 MG Road. Ship to 22 Residency Road, Bengaluru 560025 instead.";
    assert_eq!(found(text).postcode.as_deref(), Some("560025"));
}

#[test]
fn the_address_on_the_lines_after_a_cue_is_read_until_the_blank_line() {
    let text = "Bitte an folgende Adresse liefern:\nBahnhofstraße 14\n20095 Hamburg\n\nViele Grüße\nAnna";
    assert_address(text, "Bahnhofstraße 14", Some("Hamburg"), Some("20095"), None);
}

#[test]
fn without_a_cue_the_one_address_in_a_text_about_an_address_is_taken() {
    let text = "Hi, I need to update my address for order SO-10231.\n\n22 Residency Road\nBengaluru 560025\nIndia\n";
    assert_address(text, "22 Residency Road", Some("Bengaluru"), Some("560025"), Some("IN"));
    let one_line = "Please update my address. It's now 22 Residency Road, Bengaluru 560025, India";
    assert_eq!(found(one_line).postcode.as_deref(), Some("560025"));
}

#[test]
fn a_cue_followed_by_words_after_the_address_stops_at_them() {
    let a =
        found("Please deliver to my office at 45 Anna Salai, Chennai 600002, Tamil Nadu, India because I work late.");
    assert_eq!(a.line1, "45 Anna Salai");
    assert_eq!(a.region.as_deref(), Some("Tamil Nadu"));
    assert_eq!(a.country.as_deref(), Some("IN"));
}

#[test]
fn a_request_that_sends_the_order_elsewhere_without_naming_an_address_is_a_cue() {
    for text in [
        "Hi, could you send this parcel to my studio instead:\n\nAarav Mehta\n12 Hill Road\nMumbai 400050\nIndia",
        "Hello, please get the package redirected to:\n\nAarav Mehta\n12 Hill Road\nMumbai 400050\nIndia",
        "The two armchairs need to go to our new office:\n\n12 Hill Road\nMumbai 400050\nIndia\n\nThanks",
    ] {
        assert_address(text, "12 Hill Road", Some("Mumbai"), Some("400050"), Some("IN"));
    }
}

#[test]
fn german_umleiten_and_weiterleiten_introduce_the_address_after_a_name_line() {
    for verb in ["umleiten nach", "weiterleiten an"] {
        let text = format!(
            "Guten Tag, die Sendung ist schon unterwegs. Können Sie sie bitte {verb}:\n\nJonas Weber\nSendlinger Straße 12\n80331 München\nDeutschland\n\nGruß"
        );
        assert_address(&text, "Sendlinger Straße 12", Some("München"), Some("80331"), Some("DE"));
    }
}

#[test]
fn what_follows_not_there_but_to_is_the_new_place_even_without_a_street() {
    let text = "Das Paket soll nicht nach Köln gehen, sondern zu meinen Eltern nach 10115 Berlin, Deutschland. Die Hausnummer reiche ich nach.";
    let a = found(text);
    assert_eq!((a.line1.as_str(), a.city.as_deref(), a.postcode.as_deref()), ("", Some("Berlin"), Some("10115")));
    assert_eq!(a.missing(), vec!["street"]);
    let english = "Please don't ship it to the shop but to my flat at 9 Park Street, Kolkata 700016, India.";
    assert_address(english, "9 Park Street", Some("Kolkata"), Some("700016"), Some("IN"));
}

#[test]
fn a_sentence_ending_in_here_is_the_address_colon_introduces_the_block() {
    let text = "Mujhe address update karna hai. Koramangala wala office ab band hai. Ghar ka address ye hai:\n\n45, 6th Cross Road\nHSR Layout\nBengaluru 560102\nIndia";
    assert_address(text, "45, 6th Cross Road, HSR Layout", Some("Bengaluru"), Some("560102"), Some("IN"));
}
