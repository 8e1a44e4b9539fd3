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

/// The offset of the first byte of the first malformed sequence in `bytes`, which are not valid
/// GB18030 (`encoding_rs` says how many bytes it read up to and after the bad sequence).
fn first_bad_gb18030(bytes: &[u8]) -> usize {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(0));
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::Malformed(bad, after), read) => {
            read.saturating_sub(usize::from(bad) + usize::from(after))
        }
        _ => bytes.len(),
    }
}

impl Encoding {
    /// Decodes input; a leading byte-order mark is dropped. Bytes that are not valid in the
    /// encoding refuse the input (field `""`), naming the first bad byte's offset.
    pub fn decode(self, bytes: &[u8]) -> Result<Cow<'_, str>, Refused> {
        let text = match self {
            Encoding::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
                let at = e.valid_up_to();
                Refused::input(
                    format!("the input is not UTF-8 (invalid byte at offset {at}); --encoding gb18030 reads GB18030"),
                    format!("输入不是 UTF-8（第 {at} 字节无效）；GB18030 编码的输入请加 --encoding gb18030"),
                )
            })?,
            Encoding::Gb18030 => {
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).ok_or_else(|| {
                    let at = first_bad_gb18030(bytes);
                    Refused::input(
                        format!("the input is not valid GB18030 (invalid byte at offset {at})"),
                        format!("输入不是有效的 GB18030 编码（第 {at} 字节无效）"),
                    )
                })?
            }
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
        assert!(e.to_string().contains("GB18030 (invalid byte at offset 2)"), "{e}");
        // After two-byte characters, and a sequence cut off at the end.
        let mut bytes = Encoding::Gb18030.encode("国庆").into_owned();
        bytes.push(0xFF);
        assert_eq!(first_bad_gb18030(&bytes), 4);
        assert_eq!(first_bad_gb18030(b"ab\x81"), 2);
        assert_eq!(first_bad_gb18030(b"ab\x84\x31\x95"), 2);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(Encoding::Utf8.decode(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        assert_eq!(Encoding::Gb18030.decode(b"\x84\x31\x95\x33{}").unwrap(), "{}");
    }
}
