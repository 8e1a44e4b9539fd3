//! Text encodings of input and output: UTF-8, or GB18030 for systems that run in it (the C
//! library's `juzhu_assess_json_gb18030` reads the same).

use crate::case::Refused;
use clap::ValueEnum;
use std::borrow::Cow;

/// The encoding of what is read and of everything printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    /// UTF-8 (the default)
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030 (GBK and GB2312 text is GB18030 too)
    #[value(name = "gb18030")]
    Gb18030,
}

impl Encoding {
    /// Decodes input; a leading byte-order mark is dropped. Bytes that are not valid in the
    /// encoding refuse the input (field `""`), naming the first bad byte's offset for UTF-8.
    pub fn decode(self, bytes: &[u8]) -> Result<Cow<'_, str>, Refused> {
        let text = match self {
            Encoding::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
                let at = e.valid_up_to();
                Refused::input(
                    format!("the input is not UTF-8 (invalid byte at offset {at}); --encoding gb18030 reads GB18030"),
                    format!("输入不是 UTF-8（第 {at} 字节无效）；GB18030 编码的输入请加 --encoding gb18030"),
                )
            })?,
            Encoding::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| Refused::input("the input is not valid GB18030", "输入不是有效的 GB18030 编码"))?,
        };
        Ok(match text {
            Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{FEFF}').unwrap_or(t)),
            Cow::Owned(t) => match t.strip_prefix('\u{FEFF}') {
                Some(rest) => Cow::Owned(rest.to_owned()),
                None => Cow::Owned(t),
            },
        })
    }

    /// Encodes output. GB18030 encodes every Unicode character, so nothing is lost.
    pub fn encode(self, text: &str) -> Cow<'_, [u8]> {
        match self {
            Encoding::Utf8 => Cow::Borrowed(text.as_bytes()),
            Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_round_trips_chinese_text() {
        let text = "国庆节 National Day 𠀀";
        let bytes = Encoding::Gb18030.encode(text);
        assert_ne!(&*bytes, text.as_bytes());
        assert_eq!(Encoding::Gb18030.decode(&bytes).unwrap(), text);
    }

    #[test]
    fn invalid_bytes_are_refused_input() {
        let e = Encoding::Utf8.decode(b"{\"a\xff\"}").unwrap_err();
        assert_eq!(e.field(), "");
        assert!(e.to_string().contains("offset 3"), "{e}");
        let e = Encoding::Gb18030.decode(b"{\"\x81\x20\"}").unwrap_err();
        assert!(e.to_string().contains("GB18030"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(Encoding::Utf8.decode(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        assert_eq!(Encoding::Gb18030.decode(b"\x84\x31\x95\x33{}").unwrap(), "{}");
    }
}
