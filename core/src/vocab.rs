//! The words of the contract: every enumerated value has a stable id (the JSON word), a stable
//! numeric code (for C and for batch columns), and a short label in Chinese and in English.
//!
//! A [`Word`] type's values are listed as data in its [`Vocabulary`] (for the bindings, which
//! name values without knowing the Rust types), and sets of words are bit sets: [`WordSet`] when
//! the word type is known, [`IdSet`] when it is not (an assessment's interpretations, whatever
//! rule set produced them).

use serde::ser::SerializeSeq;
use std::marker::PhantomData;

/// A text that is none of a word type's JSON words (what `str::parse` of a word type gives).
///
/// ```
/// use juzhu::rules::liaoning_2013::Category;
/// assert_eq!("floating".parse::<Category>(), Ok(Category::Floating));
/// let e = "visitor".parse::<Category>().unwrap_err();
/// assert_eq!(e.to_string(), r#""visitor" is not one of permanent, lodging, floating, overseas"#);
/// assert_eq!(
///     e.zh(),
///     r#""visitor" 不是 permanent（常住人口）、lodging（寄住人口）、floating（流动人口）、overseas（境外来辽人员） 之一"#
/// );
/// // A Chinese name, or a slip of case, space or spelling, is answered with the word meant.
/// for typed in ["流动人口", " Floating", "FLOATING", "floting"] {
///     let e = typed.parse::<Category>().unwrap_err();
///     assert!(e.to_string().ends_with(" (did you mean floating?)"), "{e}");
///     assert!(e.zh().ends_with("（是否应为 floating？）"));
/// }
/// assert!(!"lodge".parse::<Category>().unwrap_err().to_string().contains("did you mean permanent"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownWord {
    message: String,
    message_zh: String,
}

impl UnknownWord {
    /// `text` (quoted and masked as every message is) is not one of the words of `W`; with the
    /// word it was likely meant as, if any: a word's Chinese name (`流动人口`: `floating`), or the
    /// same but for spaces, case, `_`/`-` or two slips (`FLOATING`, ` floating`, `floting`).
    pub fn of<W: Word>(text: &str) -> UnknownWord {
        // Written piece by piece, not through `format!`: a batch words many refusals.
        let mut unknown = UnknownWord {
            message: [crate::privacy::quote(text).as_str(), " is not one of "].concat(),
            message_zh: [crate::privacy::quote_zh(text).as_str(), " 不是 "].concat(),
        };
        // In Chinese, each word with its name (`floating（流动人口）`), so a clerk finds the word
        // by what it means — unless the names are titles too long for one line (rule sets).
        let named = W::ALL.iter().all(|w| w.zh().chars().count() <= 16);
        for (k, w) in W::ALL.iter().enumerate() {
            if k > 0 {
                unknown.message.push_str(", ");
                unknown.message_zh.push('、');
            }
            unknown.message.push_str(w.id());
            unknown.message_zh.push_str(w.id());
            if named {
                unknown.message_zh.extend(["（", w.zh(), "）"]);
            }
        }
        unknown.message_zh.push_str(" 之一");
        let typed = text.trim();
        let ids: Vec<&'static str> = W::ALL.iter().map(|w| w.id()).collect();
        let meant =
            W::ALL.iter().find(|w| w.zh() == typed).map(|w| w.id()).or_else(|| crate::json::suggest(typed, &ids));
        if let Some(id) = meant {
            unknown.message.extend([" (did you mean ", id, "?)"]);
            unknown.message_zh.extend(["（是否应为 ", id, "？）"]);
        }
        unknown
    }

    pub(crate) fn unknown(text: &str, expected: &str) -> UnknownWord {
        UnknownWord {
            message: format!("{} is not one of {expected}", crate::privacy::quote(text)),
            message_zh: format!("{} 不是 {} 之一", crate::privacy::quote_zh(text), expected.replace(", ", "、")),
        }
    }

    /// The message in Chinese (the English one is its `Display`).
    pub fn zh(&self) -> &str {
        &self.message_zh
    }

    /// The message in both languages, to tie to a field.
    pub fn reason(self) -> crate::Reason {
        crate::Reason::new(self.message, self.message_zh)
    }
}

impl std::fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UnknownWord {}

/// Behaviour shared by every enumerated word of the contract.
pub trait Word: Copy + Sized + 'static {
    /// Every value, in code order.
    const ALL: &'static [Self];
    /// The JSON word, e.g. `"floating"`.
    fn id(self) -> &'static str;
    /// The stable numeric code (its position in [`Word::ALL`]).
    fn code(self) -> u8;
    /// A short label in Chinese.
    fn zh(self) -> &'static str;
    /// A short label in English.
    fn en(self) -> &'static str;
    /// The value with this JSON word.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|w| w.id() == id)
    }
    /// The value with this numeric code.
    fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code)).copied()
    }
    /// The accepted words, comma-separated, for error messages.
    fn expected() -> String {
        Self::ALL.iter().map(|w| w.id()).collect::<Vec<_>>().join(", ")
    }
    /// The words of this type as data.
    fn vocabulary() -> &'static Vocabulary;
}

/// The values of one [`Word`] type as data: ids, Chinese and English labels, in code order.
#[derive(Debug)]
pub struct Vocabulary {
    /// The Rust path of the word type; unique, so it tells vocabularies apart.
    pub type_path: &'static str,
    /// The JSON words, in code order.
    pub ids: &'static [&'static str],
    /// The Chinese labels, in code order.
    pub zh: &'static [&'static str],
    /// The English labels, in code order.
    pub en: &'static [&'static str],
}

impl Vocabulary {
    /// The code of the word `id`.
    pub fn code_of(&self, id: &str) -> Option<u8> {
        self.ids.iter().position(|&w| w == id).map(|i| i as u8)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the vocabulary is empty (never, for a real word type).
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether `self` and `other` are the same vocabulary.
    pub fn same(&self, other: &Vocabulary) -> bool {
        self.type_path == other.type_path
    }
}

/// A set of words of type `W` (at most 64 of them), listed in code order.
pub struct WordSet<W> {
    bits: u64,
    word: PhantomData<fn() -> W>,
}

impl<W> Clone for WordSet<W> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<W> Copy for WordSet<W> {}
impl<W> PartialEq for WordSet<W> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<W> Eq for WordSet<W> {}
impl<W> std::hash::Hash for WordSet<W> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}
impl<W> Default for WordSet<W> {
    fn default() -> Self {
        WordSet::EMPTY
    }
}

impl<W> WordSet<W> {
    /// No word.
    pub const EMPTY: WordSet<W> = WordSet { bits: 0, word: PhantomData };

    /// The set with these bits (bit k = the word with code k). Bits beyond the vocabulary are
    /// kept as given; [`WordSet::iter`] never yields them.
    pub const fn from_bits(bits: u64) -> WordSet<W> {
        WordSet { bits, word: PhantomData }
    }

    /// The set as bits (bit k = the word with code k).
    pub const fn bits(self) -> u64 {
        self.bits
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// Number of members.
    pub const fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Both sets' members.
    #[must_use]
    pub const fn union(self, other: WordSet<W>) -> WordSet<W> {
        WordSet::from_bits(self.bits | other.bits)
    }
}

impl<W: Word> WordSet<W> {
    /// A set of the given words.
    pub fn of(words: &[W]) -> WordSet<W> {
        words.iter().fold(WordSet::EMPTY, |s, &w| s.with(w))
    }

    /// This set plus `w`.
    #[inline]
    #[must_use]
    pub fn with(self, w: W) -> WordSet<W> {
        WordSet::from_bits(self.bits | 1 << w.code())
    }

    /// The set with these bits, dropping bits that name no word of `W`.
    pub fn from_known_bits(bits: u64) -> WordSet<W> {
        let n = W::ALL.len();
        WordSet::from_bits(if n >= 64 { bits } else { bits & ((1u64 << n) - 1) })
    }

    /// Adds `w`.
    #[inline]
    pub fn insert(&mut self, w: W) {
        self.bits |= 1 << w.code();
    }

    /// Whether `w` is a member.
    #[inline]
    pub fn contains(self, w: W) -> bool {
        self.bits & (1 << w.code()) != 0
    }

    /// The members, in code order.
    pub fn iter(self) -> impl Iterator<Item = W> {
        W::ALL.iter().copied().filter(move |&w| self.contains(w))
    }

    /// The members' ids, in code order.
    pub fn ids(self) -> Vec<&'static str> {
        self.iter().map(W::id).collect()
    }

    /// The set without its type: for an assessment that holds words of any rule set.
    pub fn erase(self) -> IdSet {
        IdSet { bits: self.bits, vocabulary: W::vocabulary() }
    }
}

impl<W> std::ops::BitOr for WordSet<W> {
    type Output = WordSet<W>;
    fn bitor(self, rhs: Self) -> Self {
        self.union(rhs)
    }
}

impl<W: Word> std::fmt::Debug for WordSet<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter().map(W::id)).finish()
    }
}

impl<W: Word> serde::Serialize for WordSet<W> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for w in self.iter() {
            seq.serialize_element(w.id())?;
        }
        seq.end()
    }
}

impl<'de, W: Word> serde::Deserialize<'de> for WordSet<W> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let ids = <Vec<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(d)?;
        let mut set = WordSet::EMPTY;
        for id in ids {
            let w = W::from_id(&id).ok_or_else(|| <D::Error as serde::de::Error>::custom(UnknownWord::of::<W>(&id)))?;
            set.insert(w);
        }
        Ok(set)
    }
}

/// One word of some vocabulary: its id and labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named {
    /// The JSON word.
    pub id: &'static str,
    /// The Chinese label.
    pub zh: &'static str,
    /// The English label.
    pub en: &'static str,
}

/// A set of words whose type is not known statically: bits over a [`Vocabulary`].
#[derive(Clone, Copy)]
pub struct IdSet {
    bits: u64,
    vocabulary: &'static Vocabulary,
}

impl IdSet {
    /// The set with these bits over `vocabulary` (bits beyond it are dropped).
    pub fn from_bits(bits: u64, vocabulary: &'static Vocabulary) -> IdSet {
        let n = vocabulary.len();
        let mask = if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
        IdSet { bits: bits & mask, vocabulary }
    }

    /// The set of the words named by `ids` over `vocabulary`; `Err` holds the first unknown id,
    /// as given (quote it — `privacy::quote` / `quote_zh` — to show it).
    ///
    /// # Errors
    /// An id that is not a word of `vocabulary`.
    pub fn from_ids<'a>(
        ids: impl IntoIterator<Item = &'a str>,
        vocabulary: &'static Vocabulary,
    ) -> Result<IdSet, String> {
        let mut bits = 0u64;
        for id in ids {
            let code = vocabulary.code_of(id).ok_or_else(|| id.to_owned())?;
            bits |= 1 << code;
        }
        Ok(IdSet { bits, vocabulary })
    }

    /// The vocabulary the words come from.
    pub fn vocabulary(&self) -> &'static Vocabulary {
        self.vocabulary
    }

    /// The set as bits (bit k = the word with code k).
    pub fn bits(&self) -> u64 {
        self.bits
    }

    /// Whether `w` is a member (never, for a word of another vocabulary).
    pub fn contains<W: Word>(&self, w: W) -> bool {
        self.vocabulary.same(W::vocabulary()) && self.bits & (1 << w.code()) != 0
    }

    /// Whether the word with this id is a member.
    pub fn contains_id(&self, id: &str) -> bool {
        self.vocabulary.code_of(id).is_some_and(|c| self.bits & (1 << c) != 0)
    }

    /// The members, in code order.
    pub fn iter(&self) -> impl Iterator<Item = Named> + '_ {
        let v = self.vocabulary;
        (0..v.len()).filter(move |&k| self.bits & (1 << k) != 0).map(move |k| Named {
            id: v.ids[k],
            zh: v.zh[k],
            en: v.en[k],
        })
    }

    /// The members' ids, in code order.
    pub fn ids(&self) -> Vec<&'static str> {
        self.iter().map(|n| n.id).collect()
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
}

impl PartialEq for IdSet {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits && self.vocabulary.same(other.vocabulary)
    }
}
impl Eq for IdSet {}

impl std::fmt::Debug for IdSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

impl serde::Serialize for IdSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for n in self.iter() {
            seq.serialize_element(n.id)?;
        }
        seq.end()
    }
}

/// Defines an enum of contract words with ids, codes and labels, plus serde and `Display`.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $var:ident = $code:literal => $id:literal, $zh:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $var = $code, )+
        }

        impl $crate::vocab::Word for $name {
            const ALL: &'static [Self] = &[ $( $name::$var, )+ ];
            #[inline]
            fn id(self) -> &'static str {
                match self { $( $name::$var => $id, )+ }
            }
            #[inline]
            fn code(self) -> u8 {
                self as u8
            }
            fn zh(self) -> &'static str {
                match self { $( $name::$var => $zh, )+ }
            }
            fn en(self) -> &'static str {
                match self { $( $name::$var => $en, )+ }
            }
            fn vocabulary() -> &'static $crate::vocab::Vocabulary {
                static VOCABULARY: $crate::vocab::Vocabulary = $crate::vocab::Vocabulary {
                    type_path: concat!(module_path!(), "::", stringify!($name)),
                    ids: &[ $( $id, )+ ],
                    zh: &[ $( $zh, )+ ],
                    en: &[ $( $en, )+ ],
                };
                &VOCABULARY
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::vocab::Word::id(*self))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::vocab::Word::id(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }

        /// The JSON word (`"floating".parse()`), as [`Word::from_id`](crate::vocab::Word::from_id).
        impl ::std::str::FromStr for $name {
            type Err = $crate::vocab::UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::vocab::Word>::from_id(s).ok_or_else(|| $crate::vocab::UnknownWord::of::<$name>(s))
            }
        }
    };
}

pub(crate) use words;
