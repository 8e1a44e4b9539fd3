//! Keeping personal data out of messages (RULES.md §8; Art 7 p2, Art 23 i3).
//!
//! Errors quote what the caller sent so the caller can find it, but a quoted value could be an
//! identity number pasted into the wrong field. [`quote`] therefore masks any run of 15 or more
//! identity-number characters the way [`mask_id`] masks a real number, and shortens long text.

/// Masks an identity number for display: the 6-digit region code and the last 4 characters
/// stay, the rest become `*` (`210102********123X`).
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 10 {
        return "*".repeat(chars.len());
    }
    let n = chars.len();
    chars.iter().enumerate().map(|(i, &c)| if i < 6 || i >= n - 4 { c } else { '*' }).collect()
}

/// Longest run of quoted input shown in a message.
const QUOTE_LIMIT: usize = 40;

/// Renders untrusted input for an error message: escaped, shortened to 40 characters, and with
/// any run of 15 or more digits (or digits ending in `X`) masked as an identity number would be.
pub fn quote(s: &str) -> String {
    quoted(s, |head, count| format!("\"{head}… ({count} characters)\""))
}

/// [`quote`] for a Chinese message: the same masking and shortening, the length of shortened
/// text told in Chinese inside the quotes, as [`quote`] does in English (`"abc…（共 52 个字符）"`,
/// so that the words after it read alike); text of 40 characters or fewer is quoted
/// exactly as [`quote`] quotes it.
pub fn quote_zh(s: &str) -> String {
    quoted(s, |head, count| format!("\"{head}…（共 {count} 个字符）\""))
}

/// Masks, escapes and quotes `s`; `long(head, count)` writes text over the limit.
fn quoted(s: &str, long: impl FnOnce(&str, usize) -> String) -> String {
    // The quick scan first (it misses nothing `mask_runs` finds: tested below).
    let masked = mask_message(s.to_owned());
    let count = masked.chars().count();
    if count > QUOTE_LIMIT {
        let head: String = masked.chars().take(QUOTE_LIMIT).collect();
        long(&head.escape_debug().to_string(), count)
    } else {
        format!("\"{}\"", masked.escape_debug())
    }
}

/// Longest key shown plain in a field path (longer ones are quoted and shortened).
const KEY_LIMIT: usize = 64;

/// Renders a JSON key for a field path: plain when it is an identifier (ASCII letters of either
/// case, digits, `_`, `-`; at most 64 characters), so that a typo such as `arrivalDate` reads
/// `person.arrivalDate`; quoted otherwise (spaces, dots, control characters, very long keys), and
/// an identity number masked either way.
pub fn key(s: &str) -> String {
    let plain = !s.is_empty()
        && s.len() <= KEY_LIMIT
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !has_id_like_run(s);
    if plain {
        s.to_owned()
    } else {
        quote(s)
    }
}

/// Characters that may split an identity number written in groups (`210102 19900501 1234`):
/// spaces of every kind (tab, no-break, ideographic), dashes (hyphen, en and em dash), dots — the
/// usual ways of grouping one, after which a whole chain of 15 or 18 characters is masked — and,
/// `weak`, slashes, underscores, commas, colons, semicolons, bars and middle dots, which join ordinary
/// lists and file names too: a chain with one of those is masked only where its groups make a
/// valid identity number. ASCII and full-width forms alike.
const fn separator(c: char) -> Option<Strength> {
    match c {
        ' '
        | '\t'
        | '\u{a0}'
        | '\u{2002}'..='\u{200a}'
        | '\u{202f}'
        | '\u{3000}'
        | '-'
        | '‐'
        | '‑'
        | '–'
        | '—'
        | '－'
        | '.'
        | '．' => Some(Strength::Usual),
        '/' | '_' | ',' | ':' | ';' | '|' | '·' | '／' | '＿' | '，' | '：' | '；' | '｜' | '、' => {
            Some(Strength::Weak)
        }
        _ => None,
    }
}

/// How strongly a separator suggests an identity number written in groups.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Spaces, dashes, dots.
    Usual,
    /// Other list punctuation.
    Weak,
}

fn is_separator(c: char) -> bool {
    separator(c).is_some()
}

/// The digit `c` stands for, ASCII or full-width (`０`–`９`, as Chinese input methods type them).
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

/// An identity number's check character `X`, either case, ASCII or full-width.
fn is_check_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// Finds identity-number-like runs, as `(start, end)` char indices: 15 or more digits in a row
/// (optionally ending in `X`/`x`), or consecutive digit groups joined by single separators that
/// hold 15 or 18 characters in all (17 digits and `X` included), as an identity number written in
/// groups — wherever it sits in a longer chain (after a date, before a phone number). Two dates
/// joined the same way hold 16 digits and stay shown; other grouped numbers of 15 or 18 digits are
/// masked too, on the side of privacy.
fn id_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        // One chain: groups of digits, each but the first after one separator.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut weak = false;
        loop {
            let g = i;
            while i < chars.len() && is_digit(chars[i]) {
                i += 1;
            }
            if i < chars.len() && is_check_x(chars[i]) {
                i += 1;
                groups.push((g, i));
                break; // the check character ends a number
            }
            groups.push((g, i));
            match chars.get(i).copied().and_then(separator) {
                Some(strength) if chars.get(i + 1).copied().is_some_and(is_digit) => {
                    weak |= strength == Strength::Weak;
                    i += 1;
                }
                _ => break,
            }
        }
        // A whole chain of 15 or 18 characters in two to five groups, joined the usual ways, is
        // taken for a number written in groups (a longer list of short groups — dates of a
        // calendar — is not).
        let total: usize = groups.iter().map(|&(a, b)| b - a).sum();
        if !weak
            && (2..=5).contains(&groups.len())
            && (total == 15 || total == 18)
            && groups.iter().all(|&(a, b)| b - a < 15)
        {
            runs.push((groups[0].0, i));
            continue;
        }
        // Within a longer chain: a long group alone, else a run of groups holding a valid identity
        // number (its check character or birth date right: dates and codes around it stay shown).
        let mut g = 0;
        while g < groups.len() {
            let (a, b) = groups[g];
            if b - a >= 15 {
                runs.push((a, b));
                g += 1;
                continue;
            }
            let (mut digits, mut found) = (String::new(), None);
            for (h, &(c, d)) in groups.iter().enumerate().skip(g) {
                // As ASCII (full-width digits are the same number), for the length and the check.
                digits.extend(chars[c..d].iter().map(|&ch| digit(ch).unwrap_or('X')));
                if digits.len() > 18 {
                    break;
                }
                // 15-digit numbers carry no check character: across list punctuation only the
                // 18-character form (checked) is taken for one.
                if ((digits.len() == 15 && !weak) || digits.len() == 18)
                    && crate::id_number::IdNumber::parse(&digits).is_ok()
                {
                    found = Some(h);
                }
            }
            match found {
                Some(h) if h > g => {
                    runs.push((a, groups[h].1));
                    g = h + 1;
                }
                _ => g += 1,
            }
        }
    }
    runs
}

/// `message` with every identity-number-like run masked (what [`crate::CaseError`] applies to
/// every message, so that no refusal shows a whole identity number, whatever quoted it: a number
/// echoed back is masked like text). A scan of the bytes first finds whether any run of 14 digits
/// could be there (full-width digits and separators counted); most messages, Chinese ones
/// included, have none and are kept as they are without being taken apart (a batch words many
/// refusals).
pub(crate) fn mask_message(message: String) -> String {
    if may_hold_id(&message) {
        mask_runs(&message)
    } else {
        message
    }
}

/// How the scan of [`may_hold_id`] takes an ASCII byte: a digit, a separator, or neither.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        table[b] = if c.is_ascii_digit() {
            Class::Digit
        } else if separator(c).is_some() {
            Class::Separator
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit set in each byte of `x` that is an ASCII digit, for `x` of eight ASCII bytes
/// (each below 0x80, so no sum below carries into the next byte).
#[inline(always)]
fn ascii_digits_in(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_0 = x.wrapping_add(ONES * (0x80 - u64::from(b'0')));
    let above_9 = x.wrapping_add(ONES * (0x80 - u64::from(b'9') - 1));
    at_least_0 & !above_9 & HIGH_BITS
}

/// A character as the scan of [`may_hold_id`] counts it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Digit,
    Separator,
    Other,
}

/// Whether `text` holds 14 or more digits in a chain joined by single separators: what any run
/// [`id_runs`] masks holds, so a text without one needs no masking.
///
/// Written over bytes rather than `chars()` because every refusal's three texts pass through it
/// (a batch of dirty rows words thousands), in one pass: eight ASCII bytes without a digit
/// skipped at once, other ASCII through a table, CJK ideographs (lead bytes `E4`–`E9`, neither
/// digit nor separator) without decoding, and only the few other non-ASCII characters
/// (full-width digits and punctuation, dashes, spaces) decoded and classed as [`digit`] and
/// [`separator`] class them. (A count of the digits first, to let texts with fewer than 14 go
/// at once, cost more than the scan it saved.) Tested equal to the per-character scan.
fn may_hold_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Digits counted across single separators: a grouped identity number counts whole.
    let (mut run, mut after_separator) = (0usize, false);
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes none of which is a digit end any run (they hold two non-digits in a
        // row): skipped in one test (most of a message's words), with the state the byte-by-byte
        // scan would reach but for whether its last byte was a separator, which no longer
        // matters once the run is 0.
        if let Some(eight) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(eight.try_into().unwrap_or([b'0'; 8]));
            if x & HIGH_BITS == 0 && ascii_digits_in(x) == 0 {
                (run, after_separator) = (0, false);
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let (class, width) = match b {
            0..=0x7F => (ASCII_CLASS[usize::from(b)], 1),
            // CJK ideographs (U+4000..U+9FFF): three bytes, neither digit nor separator.
            0xE4..=0xE9 => (Class::Other, 3),
            _ => {
                let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                let class = if is_digit(c) {
                    Class::Digit
                } else if is_separator(c) {
                    Class::Separator
                } else {
                    Class::Other
                };
                (class, c.len_utf8())
            }
        };
        i += width;
        match class {
            Class::Digit => {
                run += 1;
                after_separator = false;
                if run >= 14 {
                    return true;
                }
            }
            Class::Separator if !after_separator => after_separator = true,
            _ => {
                run = 0;
                after_separator = false;
            }
        }
    }
    false
}

/// `text` with every identity-number-like run masked (digits in any grouping or width), as every
/// message of the library is: for callers that print text of their own that may hold one (a file
/// name, an argument, a note).
///
/// ```
/// assert_eq!(juzhu::privacy::mask_text("张三-21010219900101123X.json"), "张三-210102********123X.json");
/// assert_eq!(juzhu::privacy::mask_text("2024-10-02"), "2024-10-02");
/// ```
pub fn mask_text(text: &str) -> String {
    mask_message(text.to_owned())
}

fn has_id_like_run(s: &str) -> bool {
    // The quick scan `mask_message` gates on first: most texts (every field path of every case
    // read passes here) hold no chain of 14 digits and are told so without being taken apart.
    may_hold_id(s) && !id_runs(&s.chars().collect::<Vec<_>>()).is_empty()
}

/// Masks each identity-number-like run.
fn mask_runs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (start, end) in id_runs(&chars) {
        out.extend(&chars[last..start]);
        out.push_str(&mask_id(&chars[start..end].iter().collect::<String>()));
        last = end;
    }
    out.extend(&chars[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_identity_numbers() {
        assert_eq!(mask_id("21010219900101123X"), "210102********123X");
        assert_eq!(mask_id("210102900101123"), "210102*****1123");
        assert_eq!(quote("x21010219900101123Xy"), "\"x210102********123Xy\"");
        assert_eq!(quote("2024-02-30"), "\"2024-02-30\"");
        assert!(quote(&"a".repeat(100)).contains("(100 characters)"));
        assert_eq!(quote(&"a".repeat(41)), format!("\"{}… (41 characters)\"", "a".repeat(40)));
        assert_eq!(quote_zh(&"a".repeat(41)), format!("\"{}…（共 41 个字符）\"", "a".repeat(40)));
        assert_eq!(quote_zh("x21010219900101123Xy"), quote("x21010219900101123Xy"));
        let long = quote_zh(&format!("{}21010219900101123X", "a".repeat(30)));
        assert!(long.ends_with("（共 48 个字符）\"") && !long.contains("21010219900101123X"), "{long}");
        assert_eq!(key("arrival_date"), "arrival_date");
        assert_eq!(key("21010219900101123X"), "\"210102********123X\"");
        assert_eq!(key("Weird Key"), "\"Weird Key\"");
        assert_eq!(key("arrivalDate"), "arrivalDate");
        assert_eq!(key("Reported_on"), "Reported_on");
        assert_eq!(key("planned-departure"), "planned-departure");
        assert_eq!(
            key("registration_date_of_the_person_at_the_station"),
            "registration_date_of_the_person_at_the_station"
        );
        assert_eq!(key("a.b"), "\"a.b\"");
        assert!(key(&"k".repeat(65)).contains("(65 characters)"));
    }

    #[rstest::rstest]
    #[case("210102 19900501 1234", "\"210102**********1234\"")]
    #[case("210102-19900501-123X", "\"210102**********123X\"")]
    #[case("210102.900501.123", "\"210102*******.123\"")]
    #[case("id 210102 1990 0501 1234 given", "\"id 210102***********1234 given\"")]
    #[case("21010219900501123X 2024-10-02", "\"210102********123X 2024-10-02\"")]
    #[case("2024-10-02 2024-10-03", "\"2024-10-02 2024-10-03\"")]
    #[case("2024-10-02 2024-10-03 2024-10-04", "\"2024-10-02 2024-10-03 2024-10-04\"")]
    #[case("138 0013 8000", "\"138 0013 8000\"")]
    #[case("210102  19900501 1234", "\"210102  19900501 1234\"")]
    #[case("110105 19491231 002X 13800138000", "\"110105**********002X 13800138000\"")]
    #[case("2024-09-28 110105-19491231-002X", "\"2024-09-28 110105**********002X\"")]
    #[case("No.1 110105 19491231 002X", "\"No.1 110105**********002X\"")]
    #[case("1 110105 19491231 002X", "\"1 110105**********002X\"")]
    #[case("1 110105 491231 002", "\"1 110105******* 002\"")]
    #[case("１１０１０５１９４９１２３１００２Ｘ", "\"１１０１０５********００２Ｘ\"")]
    #[case("身份证１１０１０５１９４９１２３１００２ｘ号", "\"身份证１１０１０５********００２ｘ号\"")]
    #[case("110105\u{3000}19491231\u{3000}002X", "\"110105**********002X\"")]
    #[case("110105/19491231/002X", "\"110105**********002X\"")]
    #[case("110105_19491231_002X", "\"110105**********002X\"")]
    #[case("110105,19491231,002X", "\"110105**********002X\"")]
    #[case("110105\t19491231\t002X", "\"110105**********002X\"")]
    #[case("110105–19491231–002X", "\"110105**********002X\"")]
    #[case("110105\u{a0}19491231\u{a0}002X", "\"110105**********002X\"")]
    #[case("110105·19491231·002X", "\"110105**********002X\"")]
    #[case("scan_20241002_143015_0001.json", "\"scan_20241002_143015_0001.json\"")]
    #[case("2024-10-02 10:30:00.5", "\"2024-10-02 10:30:00.5\"")]
    #[case("rows 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15", "\"rows 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\"")]
    #[case("01-01 01-28 01-29 01-30 01-31 02-03", "\"01-01 01-28 01-29 01-30 01-31 02-03\"")]
    #[case("１１０１０５－１９４９１２３１－００２Ｘ", "\"１１０１０５**********００２Ｘ\"")]
    #[case("2024/10/02 2024/10/03", "\"2024/10/02 2024/10/03\"")]
    #[case("２０２４－１０－０２", "\"２０２４－１０－０２\"")]
    #[case("10:30:00", "\"10:30:00\"")]
    fn grouped_identity_numbers_are_masked(#[case] text: &str, #[case] shown: &str) {
        assert_eq!(quote(text), shown);
        let masked = mask_message(text.to_owned());
        assert_eq!(format!("\"{masked}\""), shown, "mask_message agrees with quote");
    }

    proptest::proptest! {
        /// The scan that lets most messages through untouched misses no run the full masking
        /// would mask: digits ASCII and full-width, every kind of separator, `X`, Chinese text.
        #[test]
        fn the_quick_scan_misses_nothing_the_masking_finds(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[0-9]{1,18}",
                    "[０-９]{1,18}",
                    proptest::strategy::Strategy::prop_map(
                        proptest::sample::select(vec![" ", "-", "－", "\u{3000}", "—", ".", ",", "/", "、", "：", "X", "Ｘ", "x"]),
                        str::to_owned,
                    ),
                    "[不是日期的中文]{1,3}",
                    "[a-z]{1,4}",
                ],
                0..12,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(mask_message(text.clone()), mask_runs(&text));
        }
    }

    /// The scan `may_hold_id` replaced, a character at a time: the reference it must equal.
    fn may_hold_id_by_chars(text: &str) -> bool {
        if text.chars().filter(|&c| is_digit(c)).count() < 14 {
            return false;
        }
        let (mut run, mut after_separator) = (0usize, false);
        text.chars().any(|c| {
            let ideograph = ('\u{4e00}'..='\u{9fff}').contains(&c);
            if !ideograph && is_digit(c) {
                run += 1;
                after_separator = false;
            } else if !ideograph && is_separator(c) && !after_separator {
                after_separator = true;
            } else {
                run = 0;
                after_separator = false;
            }
            run >= 14
        })
    }

    #[test]
    fn ascii_digits_are_found_in_every_lane() {
        for lane in 0..8 {
            for b in 0u8..0x80 {
                let mut bytes = *b"abcdefgh";
                bytes[lane] = b;
                let found = ascii_digits_in(u64::from_le_bytes(bytes));
                assert_eq!(
                    found,
                    if b.is_ascii_digit() { 0x80 << (8 * lane) } else { 0 },
                    "byte {b:#x} in lane {lane}"
                );
            }
        }
    }

    proptest::proptest! {
        /// The byte scan says what the character scan says, on text of every width: ASCII,
        /// full-width digits and punctuation, CJK ideographs and the block before them, other
        /// two-, three- and four-byte characters.
        #[test]
        fn the_byte_scan_equals_the_character_scan(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[0-9]{1,16}",
                    "[０-９]{1,16}",
                    r"[ \t\u{a0}\u{2003}\u{3000}\-‐–—－.．/_,:;|·／，：；、（）]{1,2}",
                    "[不是日期的中文㐀䶵]{1,3}",
                    "[a-zXxＸé€😀]{1,3}",
                    // Runs of ASCII long enough to be skipped eight bytes at a time, separators
                    // at their ends or not.
                    "[a-z :/-]{6,20}",
                ],
                0..16,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(may_hold_id(&text), may_hold_id_by_chars(&text), "{:?}", text);
        }
    }

    #[test]
    fn messages_never_show_a_whole_identity_number() {
        let m = |s: &str| mask_message(s.to_owned());
        assert_eq!(m("210102199005011007 is not one of 1, 2, 3"), "210102********1007 is not one of 1, 2, 3");
        assert_eq!(m("-21010219900501100X is negative"), "-210102********100X is negative");
        assert_eq!(m("2024-10-02 is after as_of 2024-10-01"), "2024-10-02 is after as_of 2024-10-01");
        assert_eq!(m("4294967295 is out of range"), "4294967295 is out of range");
        assert_eq!(m("12345678901234 is fine"), "12345678901234 is fine");
        let e = crate::CaseError::new("11010519491231002X", "has 1 rows, expected 2", "有 1 行，应为 2 行");
        assert_eq!(e.field(), "110105********002X");
        assert_eq!(
            crate::CaseError::new("person.changes.1.changed_on", "x", "x").field(),
            "person.changes.1.changed_on"
        );
    }
}
