//! English: month and weekday names, relative words, and the phrases that
//! make a date new or old in carrier, supplier and customer mail.
//!
//! Input: none (tables). Output: [`ENGLISH`]. Failure: none.

use super::lexicon::{Cue, DayWord, Lang};

pub(super) const ENGLISH: Lang = Lang {
    months: [
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sept sep",
        "october oct",
        "november nov",
        "december dec",
    ],
    weekdays: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    weekday_abbrevs: ["mon", "tue tues", "wed", "thu thur thurs", "fri", "sat", "sun"],
    numbers: &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    day_words: &[
        DayWord::new(r"(?:the\s+)?day\s+after\s+tomorrow", 2),
        DayWord::new("tomorrow", 1),
        DayWord::new("tmrw", 1),
        DayWord::new("today", 0),
        DayWord::new("tonight", 0),
    ],
    in_days: &[r"in\s+{n}\s+days?", r"{n}\s+days?\s+from\s+(?:now|today)"],
    weekday_before: &["next", r"this\s+coming", "this", "coming", "on", "by", "for", "until", "till"],
    weekday_after: &[],
    bare_weekdays: false,
    not_bare_after: &[],
    bare_after: &["deliver", "redeliver", "it", "them", "come", "arrive", "do", "ship", "send", "bring", "try"],
    weekday_needs_before: &[],
    not_weekday: &[
        r"(?:of\s+)?(?:next|last|this|the\s+following)\s+week",
        r"(?:the\s+)?week\s+after",
        r"after\s+next",
        "last",
        // "Thanks for Monday's delivery": not a date to come.
        "['’]s",
    ],
    day_only: &[
        r"the\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)",
        r"(?:on|by|for|until|till|before|or|and)\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)",
    ],
    day_only_weak: &[],
    cues: CUES,
    label_old: &["original(?:ly)?", "initial(?:ly)?", "previous(?:ly)?", "old", "former", "prior", "earlier", "was"],
    label_new: &["new", "revised", "updated", "latest", "re-?scheduled", "amended", "changed", "now", "next"],
    label_done: &["shipped", "delivered", "dispatched", "sent", "received", "collected", "done", "completed"],
    participle_future: &[],
    instead: &["instead", "rather"],
    request: &[
        "could",
        r"can\s+(?:you|it|they|this)",
        r"would\s+you",
        "please",
        "pls",
        "kindly",
        r"(?:is|would)\s+it\s+be\s+possible",
        r"possible\s+to",
    ],
    status: &[
        "showing",
        "shows",
        "says",
        "said",
        "told",
        "tracking",
        "scheduled",
        "due",
        "expected",
        "currently",
        "supposed",
    ],
    negations: &["not", "never", "no", r"\w+n['’]t", "cannot", "unable", "avoid"],
    until: &["until", "till", "[’']til"],
    away: &[
        "away",
        r"out\s+of\s+(?:town|the\s+country|office)",
        "travell?ing",
        "abroad",
        r"on\s+(?:holiday|vacation|leave)",
        r"(?:not|n[’']t|wont)\s+(?:be\s+)?(?:at\s+)?home",
        r"not\s+(?:be\s+)?(?:in|around|there)",
        "unavailable",
        "back",
        "gone",
        "closed",
        "nobody",
        r"no\s+one",
    ],
    from_then: &[r"after(?:\s+that|wards)?", r"from\s+then", "onwards?"],
    future: &["please", "will", "deliver", "send", "can you", "could you"],
    past: &["was", "were", "did", "yesterday", "delivered", "came"],
};

const CUES: &[Cue] = &[
    // New, revised or expected dates, as carriers and suppliers write them.
    Cue::new(
        r"new\s+(?:delivery\s+|ship(?:ping)?\s+|dispatch\s+|ready\s+|arrival\s+|expected\s+|estimated\s+)?(?:date|eta|etd|day)",
    ),
    Cue::new(
        r"(?:revised|updated|amended)\s+(?:delivery\s+|ship(?:ping)?\s+|dispatch\s+|ready\s+|arrival\s+)?(?:date|eta|etd|schedule)",
    ),
    Cue::new(r"re-?scheduled\s+(?:(?:the\s+|your\s+)?delivery\s+)?(?:to|for)"),
    Cue::new(r"re-?schedule\s+(?:it\s+|the\s+delivery\s+|delivery\s+|my\s+delivery\s+|the\s+order\s+)?(?:to|for)"),
    Cue::new(r"(?:moved|changed|postponed|pushed(?:\s+back)?|delayed|deferred|shifted|bumped)\s+(?:to|until|till)"),
    Cue::new(r"(?:move|change|push|shift)\s+(?:it|the\s+delivery|delivery|the\s+date|my\s+delivery)\s+to"),
    Cue::new(
        r"now\s+(?:expected|scheduled|due|planned|estimated|arriving|set)(?:\s+to\s+(?:arrive|be\s+delivered|ship|be\s+ready|be\s+dispatched))?(?:\s+(?:on|by|for|around))?",
    ),
    Cue::new(
        r"expected(?:\s+to\s+(?:arrive|be\s+delivered|reach\s+you|ship|be\s+shipped|be\s+ready|be\s+dispatched|dispatch))?(?:\s+(?:on|by|for|around))?",
    ),
    Cue::new(
        r"(?:we|i)\s+(?:now\s+)?expect(?:\s+(?:it|them|delivery|the\s+\w+))?(?:\s+to\s+(?:arrive|ship|be\s+(?:delivered|ready|shipped)))?(?:\s+(?:on|by))?",
    ),
    Cue::new(r"expected\s+(?:delivery|arrival|ship(?:ping)?|dispatch|ready)(?:\s+date|\s+day)?"),
    Cue::new(r"estimated\s+(?:time\s+of\s+)?(?:delivery|arrival|ship(?:ping)?|dispatch|ready)(?:\s+date|\s+day)?"),
    Cue::new(r"e\.?t\.?a|etd|e\.?d\.?d"),
    Cue::new(
        r"(?:will|should|shall|would|can|could|to)\s+(?:(?:it|this|that|they|these)\s+)?(?:now\s+)?(?:be\s+)?(?:delivered|shipped|dispatched|sent|ready|arriv(?:e|ing)|reach\s+you|ship|dispatch|deliver|with\s+you)(?:\s+(?:to\s+you|out))?(?:\s+(?:on|by|for))?",
    ),
    Cue::new(r"(?:'ll|will)\s+(?:ship|send|dispatch|deliver)(?:\s+(?:it|them|the\s+\w+))?(?:\s+out)?(?:\s+(?:on|by))?"),
    Cue::new(r"(?:arrives|arriving)(?:\s+(?:on|by))?"),
    Cue::new(r"(?:scheduled|booked|planned|set)\s+(?:for|on)"),
    Cue::new(r"scheduled\s+(?:delivery|arrival|dispatch|shipping)(?:\s+date)?"),
    Cue::new(r"(?:delivery|time)\s+slot(?:\s+(?:confirmed|booked|is))?(?:\s+(?:for|on))?"),
    Cue::new(r"(?:try|attempt|deliver|come)\s+again(?:\s+on)?|retry(?:\s+on)?"),
    Cue::new(r"(?:ship(?:ping)?|dispatch|ready|ex-?works|collection|pick-?up)\s+date"),
    Cue::new(r"(?:ship|dispatch)(?:\s+out)?\s+(?:on|by)"),
    Cue::new(
        r"ready\s+(?:to\s+(?:ship|dispatch|be\s+shipped|be\s+dispatched|go|collect)|for\s+(?:dispatch|shipment|shipping|pickup|pick-up|collection|delivery))?(?:\s+(?:on|by|from))?",
    ),
    Cue::new(
        r"remaining(?:\s+(?:items?|units?|quantit(?:y|ies)|qty|pieces|pcs|goods|lines?|balance|stock|order))?(?:\s+(?:will|to|should)\s+(?:ship|follow|be\s+(?:shipped|dispatched|delivered|ready)))?(?:\s+(?:on|by))?",
    ),
    Cue::new(
        r"balance(?:\s+(?:qty|quantity|of\s+(?:the\s+)?(?:order|items|units|goods)))?(?:\s+(?:will|to)\s+(?:ship|follow|be\s+shipped|be\s+dispatched))?(?:\s+(?:on|by))?",
    ),
    Cue::new(
        r"(?:the\s+)?rest(?:\s+of\s+(?:the|your)\s+(?:order|items|units|goods|shipment))?\s+(?:will|to|should)\s+(?:ship|follow|be\s+(?:shipped|dispatched|delivered|ready))(?:\s+(?:on|by))?",
    ),
    Cue::new(
        r"back-?order(?:ed)?(?:\s+(?:items?|units?|lines?|qty|quantity))?(?:\s+(?:will|to)\s+(?:ship|follow|be\s+shipped))?(?:\s+(?:on|by|due|eta))?",
    ),
    Cue::new(r"(?:next|new|second|another)(?:\s+delivery)?\s+attempt(?:\s+(?:will\s+be|is))?(?:\s+on)?"),
    Cue::new(r"(?:re-?delivery|re-?attempt)(?:\s+(?:on|is|date))?"),
    Cue::new(r"(?:no|not)\s+later\s+than"),
    // Requests from customers.
    Cue::new(
        r"(?:please\s+|pls\s+|kindly\s+)?(?:re-?)?deliver(?:\s+(?:it|them|the\s+(?:order|parcel|package|goods|items?)))?(?:\s+(?:on|by|for))?",
    ),
    Cue::new(
        r"(?:have|get|want|need|like)\s+(?:it|them|the\s+(?:order|parcel|package))\s+(?:delivered|sent|shipped)(?:\s+(?:on|by))?",
    ),
    Cue::new(
        r"(?:can|could|would)\s+(?:you|we|it|they|this|that)\s+(?:please\s+)?(?:deliver|be\s+delivered|bring|send|ship|come|do|arrange|make\s+it)(?:\s+(?:it|them|the\s+delivery|delivery))?(?:\s+(?:on|by|for))?",
    ),
    Cue::new(r"(?:how|what)\s+about"),
    Cue::new(r"deliver(?:s|ing)?|re-?deliver(?:y|ing)?").generic(),
    Cue::new(
        r"i(?:'d|\s+would)\s+(?:prefer|like)(?:\s+(?:it|delivery|the\s+delivery|to\s+receive\s+it|to\s+get\s+it))?(?:\s+(?:on|by|for))?",
    ),
    Cue::new(
        r"(?:please\s+)?(?:send|ship|bring|dispatch)\s+(?:it|them|the\s+(?:order|parcel|package|goods|items?|rest))(?:\s+(?:on|by|for))?",
    ),
    Cue::new(r"(?:be|am|'m|are|'re)\s+(?:at\s+)?home(?:\s+on)?"),
    Cue::new(r"(?:be|am|'m|are|'re)\s+(?:available|around|back|in)\s+on"),
    Cue::new(r"home\s+on"),
    Cue::new(r"now(?:\s+(?:on|for|by|the))?").tight(),
    // Old, original or past dates.
    Cue::old(r"original(?:ly)?|initial(?:ly)?|previous(?:ly)?|former(?:ly)?|old").modifier(),
    Cue::old(
        r"(?:was|were|had\s+been|has\s+been)\s+(?:originally\s+|initially\s+)?(?:due|expected|scheduled|planned|supposed\s+to|meant\s+to|promised|booked|set|estimated)(?:\s+to\s+(?:arrive|be\s+delivered|deliver(?:\s+(?:it|them|your\s+\w+))?|ship|be\s+shipped|be\s+ready|be\s+dispatched|come))?(?:\s+(?:on|for|by))?",
    ),
    Cue::old(r"(?:should|would)\s+have\s+(?:arrived|been\s+delivered|been\s+shipped|shipped)(?:\s+(?:on|by))?"),
    Cue::old(r"instead\s+of(?:\s+the)?|rather\s+than(?:\s+the)?|in\s+place\s+of"),
    Cue::old(r"(?:moved|changed|rescheduled|postponed|pushed(?:\s+back)?|delayed|shifted)\s+from"),
    Cue::old(r"(?:ordered|purchased|bought|paid|placed|invoiced)(?:\s+(?:it|the\s+order|my\s+order|this))?\s+on"),
    Cue::old(r"(?:order|invoice|purchase|po|payment|booking)\s+date|dated"),
    Cue::old(r"(?:was|were|got|been)\s+(?:delivered|shipped|dispatched|sent|received|collected|picked\s+up)(?:\s+on)?"),
    Cue::old(r"(?:shipped|dispatched|received)\s+on|delivered"),
    Cue::old(r"order\s+placed(?:\s+on)?"),
    Cue::old(
        r"(?:attempted(?:\s+delivery)?|tried\s+to\s+deliver(?:\s+it)?|delivery\s+attempt(?:ed)?|(?:first|previous|last|missed|failed)\s+(?:delivery\s+)?attempt(?:\s+was)?)(?:\s+on)?",
    ),
    Cue::old(r"not(?:\s+(?:on|the|before))?|no\s+earlier\s+than|(?:was|were)(?:\s+(?:on|for))?").tight(),
    // After the date.
    Cue::new(r"(?:would|will)\s+(?:be\s+)?(?:great|perfect|better|best|ideal|fine|good|ok|okay|work|suit)").after(),
    Cue::new(r"works?(?:\s+(?:better|best|well))?(?:\s+for\s+(?:me|us))?|suits?\s+(?:me|us)").after(),
    Cue::new(r"(?:is|are)\s+(?:fine|ok|okay|better|best|perfect|good)").after(),
    Cue::new(r"instead(?:\s+of)?|rather\s+than|at\s+the\s+latest").after(),
    Cue::old(r"(?:doesn't|does\s+not|won't|will\s+not|no\s+longer|don't|do\s+not)\s+(?:work|suit)").after(),
    Cue::old(r"(?:is|was)\s+(?:not\s+possible|no\s+good|impossible)").after(),
    Cue::old(
        r"failed|was\s+unsuccessful|fehlgeschlagen|ist\s+gescheitert|(?:is\s+)?mislukt|a\s+[ée]chou[ée]|fall[oó]|gagal",
    )
    .after(),
    // "but I won't be home", "pero no estaré", "aber ich bin nicht da".
    Cue::old(
        r"(?:but|pero|aber|mais|maar|tapi|lekin)\s+(?:\w+\s+){0,3}?(?:not|\w+n['’]t|no|nicht|ne|niet|tidak|nahi|nahin)",
    )
    .after(),
];
