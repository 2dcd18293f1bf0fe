//! Spanish and French: month and weekday names, relative words, and the
//! phrases that make a date new or old.
//!
//! Input: none (tables). Output: [`SPANISH`], [`FRENCH`]. Failure: none.

use super::lexicon::{Cue, DayWord, Lang};

/// "por la mañana", "esta mañana": the morning, not tomorrow.
const MORNING: &[&str] = &["la", "esta", "una", "cada", "toda", "buena", "buenas", "media", "el"];

pub(super) const SPANISH: Lang = Lang {
    months: [
        "enero ene",
        "febrero feb",
        "marzo mar",
        "abril abr",
        "mayo may",
        "junio jun",
        "julio jul",
        "agosto ago",
        "septiembre setiembre sept sep set",
        "octubre oct",
        "noviembre nov",
        "diciembre dic",
    ],
    weekdays: ["lunes", "martes", "miércoles miercoles", "jueves", "viernes", "sábado sabado", "domingo"],
    weekday_abbrevs: ["lun", "mar", "mié mie", "jue", "vie", "sáb sab", "dom"],
    numbers: &["un uno una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
    day_words: &[
        DayWord::new(r"pasado\s+ma[ñn]ana", 2),
        DayWord::new(r"ma[ñn]ana", 1).not_after(MORNING),
        DayWord::new("hoy", 0),
    ],
    in_days: &[r"(?:en|dentro\s+de)\s+{n}\s+d[ií]as?"],
    weekday_before: &[r"el\s+pr[oó]ximo", r"pr[oó]ximo", "este", "el", r"para\s+el", r"hasta\s+el"],
    weekday_after: &[r"pr[oó]ximo", r"que\s+viene"],
    bare_weekdays: false,
    not_bare_after: &[],
    bare_after: &[],
    weekday_needs_before: &[],
    not_weekday: &[
        r"(?:de\s+)?(?:la\s+)?(?:pr[oó]xima\s+semana|semana\s+(?:que\s+viene|pr[oó]xima|pasada))",
        "pasado",
        "anterior",
    ],
    day_only: &[r"(?:el\s+)?d[ií]a\s+(?P<d>[0-9]{1,2})"],
    day_only_weak: &[r"el\s+(?P<d>[0-9]{1,2})"],
    cues: SPANISH_CUES,
    label_old: &["original", "inicial", "anterior", "antigu[ao]", "previ[ao]"],
    label_new: &["nuev[ao]", "actualizad[ao]", "revisad[ao]", "reprogramad[ao]", "ahora", "pr[oó]xim[ao]"],
    label_done: &["enviad[oa]s?", "entregad[oa]s?", "despachad[oa]s?", "recibid[oa]s?"],
    participle_future: &[],
    instead: &[r"en\s+su\s+lugar", r"en\s+vez\s+de\s+eso", "mejor", r"en\s+cambio"],
    request: &[r"por\s+favor", "podr[ií]an?", "pueden?", r"ser[ií]a\s+posible", "agradecer[ií]a", r"es\s+posible"],
    status: &["seg[uú]n", "indica", "aparece", "pone", "dice", "dijeron", "aviso", "previst[oa]", "programad[oa]"],
    negations: &["no", "nunca", "jamás"],
    until: &["hasta"],
    away: &[
        "fuera",
        r"de\s+viaje",
        r"no\s+(?:estoy|estar[eé]|estaremos|estamos)",
        "vuelv[oe]",
        "volvemos",
        "regres[oa]",
        "regresamos",
        "ausentes?",
        r"de\s+vacaciones",
        r"no\s+hay\s+nadie",
        "cerrad[oa]",
    ],
    from_then: &[r"a\s+partir\s+de", "despu[eé]s"],
    future: &[],
    past: &[],
};

const SPANISH_CUES: &[Cue] = &[
    Cue::new(r"nueva\s+fecha(?:\s+de\s+(?:entrega|env[ií]o|llegada|despacho))?(?:\s+(?:es|ser[aá]))?(?:\s+(?:el|para\s+el))?"),
    Cue::new(r"(?:previst|programad|estimad|reprogramad|agendad)[oa]s?(?:\s+para)?(?:\s+el)?"),
    Cue::new(r"fecha\s+(?:estimada|prevista|aproximada)\s+de\s+(?:entrega|llegada|env[ií]o)(?:\s+(?:es|ser[aá]))?(?:\s+el)?"),
    Cue::new(r"(?:llegar[aá]n?|se\s+entregar[aá]n?|ser[aá]n?\s+(?:entregad|enviad|despachad)[oa]s?|se\s+enviar[aá]n?|saldr[aá]n?|se\s+despachar[aá]n?|estar[aá]n?\s+list[oa]s?)(?:\s+(?:el|para\s+el|a\s+m[aá]s\s+tardar\s+el))?"),
    Cue::new(r"(?:entregar|enviar|traer|mandar|despachar)(?:l[oa]s?|me(?:l[oa]s?)?)?(?:\s+(?:el|para\s+el))?"),
    Cue::new(r"(?:entreguen|env[ií]en|traigan|manden|entregue|env[ií]e)(?:l[oa]s?|me(?:l[oa]s?)?)?(?:\s+(?:el|para\s+el))?"),
    Cue::new(r"(?:estar[eé]|estaremos)\s+en\s+casa(?:\s+el)?"),
    Cue::new(r"list[oa]s?\s+para\s+(?:env[ií]o|enviar|despacho|despachar|entrega)(?:\s+el)?"),
    Cue::new(r"(?:el\s+)?resto(?:\s+del\s+pedido|\s+de\s+(?:las|los)\s+(?:unidades|art[ií]culos|productos))?\s+(?:llegar[aá]|se\s+enviar[aá]|saldr[aá]|ser[aá]\s+enviado)(?:\s+el)?"),
    Cue::new(r"(?:unidades|cantidad(?:es)?|art[ií]culos)\s+pendientes?(?:\s+(?:llegar[aá]n|se\s+enviar[aá]n|saldr[aá]n))?(?:\s+(?:el|para\s+el))?"),
    Cue::new(r"(?:pr[oó]ximo|nuevo|segundo)\s+intento(?:\s+de\s+entrega)?(?:\s+(?:ser[aá]\s+)?el)?"),
    Cue::new(r"a\s+m[aá]s\s+tardar(?:\s+el)?"),
    Cue::new(r"(?:l[oa]s?\s+)?necesit(?:o|amos)(?:l[oa]s?)?\s+(?:para\s+)?(?:el)?"),
    Cue::new(r"volveremos\s+a\s+intentar(?:lo)?(?:\s+el)?"),
    Cue::new(r"(?:aplazad|pospuest|retrasad|movid|cambiad)[oa]s?\s+(?:al|para\s+el|hasta\s+el)"),
    Cue::new(r"ahora(?:\s+(?:el|para\s+el))?").tight(),
    // Delivery in any inflection but the past: "que lo entregasen el jueves".
    Cue::new(
        r"entr[eé]g(?:[aá]r|ue|uen|ues|uemos|a|as|an|ara|aran|aras|ase|asen|ases|ar[aá]n?|ar[ií]an?|ar[ií]as)(?:l[oa]s?|me(?:l[oa]s?)?|nos|se(?:l[oa]s?)?)?",
    )
    .generic(),
    Cue::old(r"originalmente|inicialmente|anteriormente|original").modifier(),
    Cue::old(r"(?:estaba|estaban|era)\s+(?:previst|programad|planead)[oa]s?(?:\s+para)?(?:\s+el)?"),
    Cue::old(r"deb[ií]an?\s+(?:llegar|entregarse|ser\s+entregad[oa]s?)(?:\s+el)?"),
    Cue::old(r"en\s+(?:lugar|vez)\s+del?(?:\s+d[ií]a)?"),
    Cue::old(r"(?:pedido|compra|orden|factura)\s+(?:realizad[oa]|hech[oa]|efectuad[oa]|del|con\s+fecha|de\s+fecha)(?:\s+el)?"),
    Cue::old(r"fecha\s+(?:del\s+pedido|de\s+pedido|de\s+compra|de\s+(?:la\s+)?factura)"),
    Cue::old(r"(?:ped[ií]|compr[eé]|hice\s+el\s+pedido)(?:\s+el)?"),
    Cue::old(r"(?:fue|fueron)\s+(?:entregad|enviad|despachad)[oa]s?(?:\s+el)?"),
    Cue::old(r"(?:entregad|enviad|despachad)[oa]s?\s+el"),
    Cue::old(r"(?:se\s+)?intent[oó]\s+(?:la\s+)?entrega(?:\s+el)?|intento\s+de\s+entrega(?:\s+(?:del|el))?"),
    Cue::old(r"(?:cambiad|movid|reprogramad|aplazad)[oa]s?\s+del?"),
    Cue::old(r"no(?:\s+(?:el|antes\s+del?))?").tight(),
    Cue::new(r"(?:me|nos)\s+(?:viene|va|vendr[ií]a)\s+(?:bien|mejor)|en\s+(?:lugar|vez)\s+del?|a\s+m[aá]s\s+tardar|como\s+muy\s+tarde").after(),
    Cue::old(r"no\s+(?:me|nos)\s+(?:viene|va)\s+bien|no\s+(?:es|ser[aá])\s+posible").after(),
];

pub(super) const FRENCH: Lang = Lang {
    months: [
        "janvier janv jan",
        "février fevrier févr fevr fév fev",
        "mars",
        "avril avr",
        "mai",
        "juin",
        "juillet juil",
        "août aout aoû",
        "septembre sept",
        "octobre oct",
        "novembre nov",
        "décembre decembre déc dec",
    ],
    weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    weekday_abbrevs: ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"],
    numbers: &["un une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
    day_words: &[
        DayWord::new(r"apr[eè]s[\s-]demain", 2),
        DayWord::new("demain", 1),
        DayWord::new(r"aujourd['’]hui", 0),
        DayWord::new(r"ce\s+soir", 0),
    ],
    in_days: &[r"dans\s+{n}\s+jours?"],
    weekday_before: &["ce", "pour", r"d['’]ici", r"jusqu['’][àa]"],
    weekday_after: &["prochain"],
    bare_weekdays: true,
    not_bare_after: &["du", "au", "le", "les", "chaque", "tous", "dernier"],
    bare_after: &[],
    weekday_needs_before: &[],
    not_weekday: &[
        r"(?:de\s+)?la\s+semaine\s+(?:prochaine|derni[èe]re|pass[ée]e)",
        "au",
        "dernier",
        r"pass[ée]",
        r"en\s+huit",
    ],
    day_only: &[],
    day_only_weak: &[r"le\s+(?P<d>1er|[0-9]{1,2})"],
    cues: FRENCH_CUES,
    label_old: &["initiale?", "originale?", "ancienne?", "pr[ée]c[ée]dente?", "initialement"],
    label_new: &[
        "nouvelle",
        "nouveau",
        "r[ée]vis[ée]e?",
        r"mise\s+[àa]\s+jour",
        "actualis[ée]e?",
        "reprogramm[ée]e?",
        "d[ée]sormais",
        "maintenant",
        "prochaine?",
    ],
    label_done: &["exp[ée]di[ée]e?s?", "livr[ée]e?s?", "envoy[ée]e?s?", "re[çc]ue?s?"],
    participle_future: &[],
    instead: &["plut[ôo]t", r"[àa]\s+la\s+place"],
    request: &[
        "pourriez",
        "pouvez",
        r"merci\s+de",
        r"serait-il\s+possible",
        r"est-il\s+possible",
        "svp",
        r"s['’]il\s+vous\s+pla[iî]t",
        r"possible\s+de",
    ],
    status: &["indique", "affiche", "selon", "annonc[ée]e?", r"on\s+m['’]a\s+dit", "pr[ée]vue?"],
    negations: &["ne", "n'", "n’", "pas", "jamais", "aucune?"],
    until: &["jusqu[’'](?:au|[àa])"],
    away: &[
        "absente?s?",
        r"en\s+d[ée]placement",
        r"en\s+vacances",
        r"pas\s+(?:l[àa]|[àa]\s+la\s+maison|chez\s+moi)",
        "partie?s?",
        r"de\s+retour",
        "rentre(?:rai|rons)?",
        "ferm[ée]e?s?",
        "personne",
    ],
    from_then: &["apr[èe]s", r"[àa]\s+partir\s+d", "d[èe]s"],
    future: &[],
    past: &[],
};

const FRENCH_CUES: &[Cue] = &[
    Cue::new(
        r"nouvelle\s+date(?:\s+de\s+(?:livraison|r[ée]ception|disponibilit[ée])|\s+d['’](?:exp[ée]dition|arriv[ée]e))?(?:\s+(?:est|:))?(?:\s+(?:le|au))?",
    ),
    Cue::new(
        r"(?:pr[ée]vue?s?|attendue?s?|estim[ée]e?s?|programm[ée]e?s?|reprogramm[ée]e?s?|replanifi[ée]e?s?)(?:\s+(?:le|pour\s+le|au|d[èe]s\s+le|pour))?",
    ),
    Cue::new(r"(?:report[ée]e?s?|d[ée]cal[ée]e?s?|repouss[ée]e?s?)\s+(?:au|[àa]|jusqu['’]au)"),
    Cue::new(
        r"date\s+(?:de\s+livraison\s+|d['’]exp[ée]dition\s+|d['’]arriv[ée]e\s+)?(?:pr[ée]vue|estim[ée]e)(?:\s+(?:est|:))?(?:\s+(?:le|au))?",
    ),
    Cue::new(
        r"(?:sera|seront)\s+(?:livr[ée]e?s?|exp[ée]di[ée]e?s?|pr[êe]te?s?|disponibles?|remise?s?|envoy[ée]e?s?)(?:\s+(?:le|au\s+plus\s+tard\s+le|d[èe]s\s+le))?",
    ),
    Cue::new(r"(?:arrivera|arriveront|partira|partiront|livrerons|exp[ée]dierons|enverrons)(?:\s+le)?"),
    Cue::new(
        r"(?:livrer|exp[ée]dier|envoyer|apporter|livrez|envoyez|exp[ée]diez|apportez)(?:-(?:moi|nous))?(?:\s+(?:le\s+colis|la\s+commande|le\s+tout))?(?:\s+(?:le|pour\s+le))?",
    ),
    Cue::new(
        r"(?:pouvez-vous|pourriez-vous|merci\s+de|veuillez|possible\s+de)(?:\s+(?:me|nous))?\s+(?:livrer|envoyer|exp[ée]dier|apporter|passer)(?:\s+le)?",
    ),
    Cue::new(
        r"(?:je\s+serai|nous\s+serons|on\s+sera)\s+(?:[àa]\s+la\s+maison|chez\s+(?:moi|nous)|pr[ée]sente?s?|disponibles?|l[àa])(?:\s+le)?",
    ),
    Cue::new(
        r"pr[êe]te?s?\s+(?:[àa]\s+(?:l['’]exp[ée]dition|exp[ée]dier|partir)|pour\s+(?:l['’]exp[ée]dition|exp[ée]dition|l['’]envoi|livraison))(?:\s+(?:le|d[èe]s\s+le))?",
    ),
    Cue::new(
        r"(?:le\s+)?(?:reste|solde|reliquat|restant)(?:\s+de\s+la\s+commande|\s+des\s+articles|\s+des\s+quantit[ée]s)?(?:\s+(?:sera|seront)\s+(?:livr|exp[ée]di|envoy)[ée]e?s?)?(?:\s+le)?",
    ),
    Cue::new(
        r"(?:quantit[ée]s?|articles?)\s+restante?s?(?:\s+(?:sera|seront)\s+(?:livr|exp[ée]di|envoy)[ée]e?s?)?(?:\s+le)?",
    ),
    Cue::new(
        r"(?:prochaine|nouvelle|deuxi[èe]me|seconde)\s+(?:tentative|pr[ée]sentation)(?:\s+de\s+livraison)?(?:\s+(?:le|aura\s+lieu\s+le))?",
    ),
    Cue::new(r"au\s+plus\s+tard(?:\s+le)?"),
    Cue::new(r"(?:nous\s+)?repasserons(?:\s+le)?|repasser(?:\s+le)?"),
    Cue::new(r"(?:maintenant|d[ée]sormais)(?:\s+le)?").tight(),
    // Delivery in any inflection but the past participle: "livreriez-vous".
    Cue::new(r"livr(?:er|ez|ons|ent|e|es|aison|era|eras|erons|erez|eront|erais|erait|erions|eriez|eraient|iez|ions)")
        .generic(),
    Cue::old(
        r"initialement|originellement|[àa]\s+l['’]origine|auparavant|pr[ée]c[ée]demment|ancienne|initiale|d['’]origine",
    )
    .modifier(),
    Cue::old(
        r"(?:[ée]tait|[ée]taient|devait|devaient)(?:\s+[êe]tre)?\s+(?:pr[ée]vue?s?|livr[ée]e?s?|programm[ée]e?s?|arriver|exp[ée]di[ée]e?s?)(?:\s+(?:le|pour\s+le))?",
    ),
    Cue::old(r"au\s+lieu\s+du?(?:\s+de\s+la)?|plut[ôo]t\s+que(?:\s+le)?|[àa]\s+la\s+place\s+du?"),
    Cue::old(r"(?:commande|facture)\s+(?:pass[ée]e|du|dat[ée]e\s+du|effectu[ée]e|[ée]mise)(?:\s+le)?"),
    Cue::old(r"date\s+de\s+(?:la\s+)?(?:commande|facture)|(?:command[ée]e?s?|achet[ée]e?s?|pay[ée]e?s?)\s+le"),
    Cue::old(
        r"(?:a|ont)\s+[ée]t[ée]\s+(?:livr|exp[ée]di|envoy)[ée]e?s?(?:\s+le)?|(?:livr|exp[ée]di|envoy)[ée]e?s?\s+le",
    ),
    Cue::old(r"tentative\s+de\s+livraison(?:\s+(?:du|le|a\s+eu\s+lieu\s+le))?"),
    Cue::old(r"(?:report[ée]e?s?|d[ée]cal[ée]e?s?)\s+du"),
    Cue::old(r"pas(?:\s+(?:le|avant\s+le))?|non(?:\s+pas)?(?:\s+le)?").tight(),
    Cue::new(
        r"(?:me|nous)\s+(?:convient|conviendrait|irait)(?:\s+mieux)?|au\s+lieu\s+du?|plut[ôo]t\s+que|au\s+plus\s+tard",
    )
    .after(),
    Cue::old(r"ne\s+(?:me|nous)\s+convient\s+pas|(?:n['’]est|ne\s+sera)\s+pas\s+possible").after(),
];
