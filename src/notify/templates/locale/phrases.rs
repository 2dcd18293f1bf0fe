//! Order statuses (SPEC §3) and notice kinds in words.

use super::Lang;
use crate::notify::templates::Kind;

/// SPEC §3 statuses, in its order.
pub(in crate::notify::templates) const STATUSES: [&str; 9] = [
    "placed",
    "paid",
    "processing",
    "shipped",
    "out_for_delivery",
    "delivery_exception",
    "delivered",
    "cancelled",
    "returned",
];

/// A short phrase for a status, to follow "Status:" or its translation.
/// A status this table does not know is shown with spaces for `_`, so a new
/// status in the shop never stops a notice from going out.
pub(in crate::notify::templates) fn status_phrase(status: &str, tag: &str) -> String {
    let Some(i) = STATUSES.iter().position(|s| *s == status) else {
        return status.replace('_', " ");
    };
    let table: [&str; 9] = match Lang::of(tag) {
        Lang::En => [
            "order received",
            "payment received",
            "being prepared",
            "shipped",
            "out for delivery",
            "delivery attempt failed",
            "delivered",
            "cancelled",
            "returned",
        ],
        Lang::Hi => [
            "ऑर्डर मिल गया है",
            "भुगतान मिल गया है",
            "तैयार किया जा रहा है",
            "भेज दिया गया है",
            "डिलीवरी के लिए निकल चुका है",
            "डिलीवरी नहीं हो पाई",
            "डिलीवर हो चुका है",
            "रद्द किया गया",
            "वापस आ गया है",
        ],
        Lang::Id => [
            "pesanan diterima",
            "pembayaran diterima",
            "sedang disiapkan",
            "sudah dikirim",
            "sedang diantar kurir",
            "pengantaran gagal",
            "sudah diterima",
            "dibatalkan",
            "dikembalikan",
        ],
        Lang::Es => [
            "pedido recibido",
            "pago recibido",
            "en preparación",
            "enviado",
            "en reparto",
            "entrega fallida",
            "entregado",
            "cancelado",
            "devuelto",
        ],
        Lang::De => [
            "Bestellung eingegangen",
            "Zahlung eingegangen",
            "in Vorbereitung",
            "versandt",
            "in Zustellung",
            "Zustellung fehlgeschlagen",
            "zugestellt",
            "storniert",
            "zurückgesandt",
        ],
        Lang::Fr => [
            "commande reçue",
            "paiement reçu",
            "en préparation",
            "expédiée",
            "en cours de livraison",
            "échec de livraison",
            "livrée",
            "annulée",
            "retournée",
        ],
        Lang::Nl => [
            "bestelling ontvangen",
            "betaling ontvangen",
            "wordt klaargemaakt",
            "verzonden",
            "onderweg met de bezorger",
            "bezorging mislukt",
            "bezorgd",
            "geannuleerd",
            "geretourneerd",
        ],
    };
    table[i].to_string()
}

/// What an earlier notice was about, as a list label: "a delay in delivery".
pub(in crate::notify::templates) fn kind_phrase(kind: Kind, tag: &str) -> &'static str {
    // Declaration order, which is also `Kind::ALL` order.
    let i = kind as usize;
    let table: [&'static str; 8] = match Lang::of(tag) {
        Lang::En => [
            "confirming the delivery address",
            "the missed delivery",
            "a delay in delivery",
            "part of the order shipping first",
            "a delay in preparing the order",
            "the new delivery address",
            "the new delivery date",
            "where the order is",
        ],
        Lang::Hi => [
            "डिलीवरी पते की पुष्टि",
            "डिलीवरी न हो पाना",
            "डिलीवरी में देरी",
            "ऑर्डर का एक हिस्सा पहले भेजा जाना",
            "ऑर्डर तैयार होने में देरी",
            "डिलीवरी का नया पता",
            "डिलीवरी की नई तारीख़",
            "ऑर्डर की स्थिति",
        ],
        Lang::Id => [
            "konfirmasi alamat pengiriman",
            "pengantaran yang gagal",
            "keterlambatan pengiriman",
            "sebagian pesanan dikirim lebih dulu",
            "keterlambatan penyiapan pesanan",
            "alamat pengiriman yang baru",
            "tanggal pengiriman yang baru",
            "status pesanan",
        ],
        Lang::Es => [
            "confirmación de la dirección de entrega",
            "entrega fallida",
            "retraso en la entrega",
            "envío parcial del pedido",
            "retraso en la preparación del pedido",
            "nueva dirección de entrega",
            "nueva fecha de entrega",
            "estado del pedido",
        ],
        Lang::De => [
            "Bestätigung der Lieferadresse",
            "fehlgeschlagener Zustellversuch",
            "Lieferverzögerung",
            "Teillieferung",
            "Verzögerung bei der Vorbereitung der Bestellung",
            "neue Lieferadresse",
            "neuer Liefertermin",
            "Stand der Bestellung",
        ],
        Lang::Fr => [
            "confirmation de l’adresse de livraison",
            "échec de la livraison",
            "retard de livraison",
            "expédition partielle de la commande",
            "retard dans la préparation de la commande",
            "nouvelle adresse de livraison",
            "nouvelle date de livraison",
            "suivi de la commande",
        ],
        Lang::Nl => [
            "bevestiging van het bezorgadres",
            "mislukte bezorgpoging",
            "vertraging in de bezorging",
            "gedeeltelijke verzending van de bestelling",
            "vertraging bij het klaarmaken van de bestelling",
            "nieuw bezorgadres",
            "nieuwe bezorgdatum",
            "status van de bestelling",
        ],
    };
    table[i]
}
