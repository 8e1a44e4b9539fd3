//! The words of the contract: every enumerated value has a stable id (the JSON word), a stable
//! numeric code (for C and for batch columns), and a short label in Chinese and in English.

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
                <$name as $crate::vocab::Word>::from_id(&s).ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::custom(format!(
                        "{} is not one of {}",
                        $crate::privacy::quote(&s),
                        <$name as $crate::vocab::Word>::expected()
                    ))
                })
            }
        }
    };
}

pub(crate) use words;
