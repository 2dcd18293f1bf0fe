use super::*;

fn newest(text: &str) -> String {
    split(text).newest
}

#[test]
fn a_gmail_reply_keeps_the_answer_and_quotes_the_history() {
    let s = split(
        "Yes, please send it to the new address.\n\nOn Tue, 10 Nov 2026 at 14:02, Ops <ops@shop.example> wrote:\n\n> Can you confirm?\n> Thanks\n",
    );
    assert_eq!(s.newest, "Yes, please send it to the new address.");
    assert!(s.quoted.starts_with("On Tue, 10 Nov 2026"));
    assert!(s.quoted.ends_with("> Thanks"));
}

#[test]
fn an_attribution_wrapped_over_two_lines_is_found() {
    let text = "Fine.\n\nOn Tue, 10 Nov 2026 at 14:02, Priya Sharma <priya.sharma@example.com>\nwrote:\n> old";
    assert_eq!(newest(text), "Fine.");
}

#[test]
fn attributions_in_many_languages_are_found() {
    for attribution in [
        "Le mar. 10 nov. 2026 à 14:02, Jean Dupont <jean@exemple.fr> a écrit :",
        "Am Di., 10. Nov. 2026 um 14:02 Uhr schrieb Max Muster <max@beispiel.de>:",
        "El mar, 10 nov 2026 a las 14:02, Ana (<ana@ejemplo.es>) escribió:",
        "Op di 10 nov 2026 om 14:02 schreef Jan <jan@voorbeeld.nl>:",
        "Pada tanggal Sel, 10 Nov 2026 pukul 14.02 Budi <budi@contoh.id> menulis:",
        "मंगल, 10 नव॰ 2026 को 2:02 pm बजे Priya <priya@example.com> ने लिखा:",
        "Em ter., 10 de nov. de 2026 às 14:02, João <joao@exemplo.pt> escreveu:",
        "Il giorno mar 10 nov 2026 alle ore 14:02 Luca <luca@esempio.it> ha scritto:",
        "On 10 Nov 2026, at 14:02, Priya <priya@example.com> wrote:",
        "2026年11月10日(火) 14:02 Priya <priya@example.com>:",
        "вт, 10 нояб. 2026 г. в 14:02, Priya <priya@example.com>:",
        "Priya <priya@example.com> 于2026年11月10日周二 14:02写道：",
        "2026년 11월 10일 (화) 오후 2:02, Priya <priya@example.com>님이 작성:",
    ] {
        let text = format!("Answer\n\n{attribution}\n> question");
        assert_eq!(newest(&text), "Answer", "{attribution}");
    }
}

#[test]
fn he_wrote_in_running_text_is_not_an_attribution() {
    let text = "The driver wrote:\nleft at the door\n";
    assert_eq!(newest(text), "The driver wrote:\nleft at the door");
    let text = "On 12 Nov your courier wrote:\n\"left at the door\" but nothing came.";
    assert_eq!(newest(text), text);
}

#[test]
fn a_thunderbird_attribution_without_address_counts_when_quotes_follow() {
    assert_eq!(newest("Ok.\n\nPriya Sharma wrote:\n> Ship it?"), "Ok.");
    assert_eq!(newest("Ok.\n\nOn 11/10/26 2:02 PM, Priya Sharma wrote:\nShip it?"), "Ok.");
}

#[test]
fn a_shipping_table_with_from_and_to_rows_is_not_quoted_history() {
    let text = "Shipment details\nFrom: Mumbai hub\nTo: Delhi hub\nDate: 20 Nov 2026\nStatus: delayed";
    assert_eq!(newest(text), text);
}

#[test]
fn an_outlook_german_header_block_starts_the_history() {
    let text = "Bitte neue Adresse verwenden.\n\nVon: Shop Support <support@shop.example>\nGesendet: Dienstag, 10. November 2026 14:02\nAn: Max Muster <max@beispiel.de>\nBetreff: Ihre Bestellung\n\nAlte Nachricht";
    let s = split(text);
    assert_eq!(s.newest, "Bitte neue Adresse verwenden.");
    assert!(s.quoted.starts_with("Von: Shop Support"));
    assert!(s.quoted.ends_with("Alte Nachricht"));
}

#[test]
fn original_message_and_underscore_separators_start_the_history() {
    assert_eq!(newest("Ok\n-----Original Message-----\nFrom: a\nold"), "Ok");
    assert_eq!(newest("Ok\n----- Ursprüngliche Nachricht -----\nold"), "Ok");
    let owa = "Ok\n\n________________________________\nDe : Jean <jean@x.fr>\nEnvoyé : mardi 10 novembre 2026 14:02\nÀ : ops@shop.example\nObjet : Livraison\n\nold";
    assert_eq!(newest(owa), "Ok");
    // A rule with no header block under it is just a rule.
    assert_eq!(newest("Ok\n__________\nStill mine"), "Ok\n__________\nStill mine");
}

#[test]
fn inline_answers_between_quotes_stay_newest() {
    let text = "On Tue, 10 Nov 2026, Ops <ops@shop.example> wrote:\n> Which date suits you?\nFriday 13 Nov please.\n> And the address?\nSame as before.\n";
    let s = split(text);
    assert_eq!(s.newest, "Friday 13 Nov please.\nSame as before.");
    assert!(s.quoted.contains("> Which date suits you?"));
}

#[test]
fn bare_quoted_lines_without_attribution_are_quoted() {
    let s = split("> where is it?\nIt left the depot today.");
    assert_eq!(s.newest, "It left the depot today.");
    assert_eq!(s.quoted, "> where is it?");
}

#[test]
fn the_signature_after_dash_dash_space_is_cut_off() {
    let s = split("Please cancel.\n\n-- \nPriya Sharma\n14 MG Road, Bengaluru 560001\n");
    assert_eq!(s.newest, "Please cancel.");
    assert_eq!(s.signature, "Priya Sharma\n14 MG Road, Bengaluru 560001");
}

#[test]
fn mobile_footers_go_to_the_signature_in_several_languages() {
    for footer in [
        "Sent from my iPhone",
        "Von meinem iPhone gesendet",
        "Envoyé de mon iPhone",
        "Get Outlook for Android",
        "Dikirim dari iPhone saya",
    ] {
        let s = split(&format!("Where is my parcel?\n\n{footer}\n\nOn Mon, 9 Nov 2026, A <a@b.c> wrote:\n> hi"));
        assert_eq!(s.newest, "Where is my parcel?", "{footer}");
        assert_eq!(s.signature, footer);
    }
}

#[test]
fn signature_like_closings_are_not_cut() {
    let s = split("Please deliver on Friday.\n\nThanks,\nPriya");
    assert_eq!(s.newest, "Please deliver on Friday.\n\nThanks,\nPriya");
    assert_eq!(s.signature, "");
}

#[test]
fn outlook_header_blocks_are_found_in_several_languages() {
    for block in [
        "De : Jean Dupont <jean@exemple.fr>\nEnvoyé : mardi 10 novembre 2026 14:02\nÀ : ops@shop.example\nObjet : Livraison",
        "De: Ana García <ana@ejemplo.es>\nEnviado el: martes, 10 de noviembre de 2026 14:02\nPara: ops@shop.example\nAsunto: Entrega",
        "Van: Jan de Vries <jan@voorbeeld.nl>\nVerzonden: dinsdag 10 november 2026 14:02\nAan: ops@shop.example\nOnderwerp: Levering",
        "Dari: Budi <budi@contoh.id>\nDikirim: Selasa, 10 November 2026 14.02\nKepada: ops@shop.example\nSubjek: Pengiriman",
        "*From:* Priya Sharma <priya@example.com>\n*Sent:* Tuesday, November 10, 2026 2:02 PM\n*To:* ops@shop.example\n*Subject:* Delivery",
    ] {
        let s = split(&format!("New text\n\n{block}\n\nOld text"));
        assert_eq!(s.newest, "New text", "{block}");
        assert!(s.quoted.ends_with("Old text"), "{block}");
    }
}
