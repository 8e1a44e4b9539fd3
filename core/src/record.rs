//! Records declared once: each rule set lists its input fields and its batch output columns
//! here, in one table each, and everything else is made from (or checked against) that table —
//! the batch engine's row and column structs, the JSON reader's known fields, the C struct's
//! documentation and the Python column lists and stubs.
//!
//! - [`Field`]: an input field of the JSON contract (`person.arrival_date`), its [`Kind`], and
//!   the batch column that carries it (`arrival_date`), if the batch engine takes it.
//! - [`Column`]: a batch output column (`registration_deadline`) and its kind.
//! - [`input_record!`](crate::record) and [`output_record!`](crate::record) (crate-internal
//!   macros) turn one list into the table and the structs, so a column cannot be added to one
//!   without the other, and no code indexes columns by position.

use crate::vocab::Vocabulary;

/// What values a field or column holds.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum Kind {
    /// A date (`YYYY-MM-DD` in JSON; day numbers, `date32`, `datetime64` or ISO text in batch).
    Date,
    /// A list of dates.
    Dates,
    /// A time of day, `HH:MM`.
    Time,
    /// `true` or `false`.
    Flag,
    /// A GB/T 2260 division code (text of 6 or more digits, or a number).
    Region,
    /// A whole number from `min` to `max`.
    Whole {
        /// Smallest value.
        min: u64,
        /// Largest value.
        max: u64,
    },
    /// One word of a vocabulary.
    Word(fn() -> &'static Vocabulary),
    /// A set of words of a vocabulary (JSON: a list of ids; batch: bits, bit k = code k).
    Words(fn() -> &'static Vocabulary),
    /// Free text (an identity number).
    Text,
    /// An object of further fields.
    Object,
    /// A list of objects of further fields.
    List,
}

impl Kind {
    /// A short name of the kind: `date`, `dates`, `time`, `flag`, `region`, `whole`, `word`,
    /// `words`, `text`, `object`, `list`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Dates => "dates",
            Kind::Time => "time",
            Kind::Flag => "flag",
            Kind::Region => "region",
            Kind::Whole { .. } => "whole",
            Kind::Word(_) => "word",
            Kind::Words(_) => "words",
            Kind::Text => "text",
            Kind::Object => "object",
            Kind::List => "list",
        }
    }

    /// The kind's name in Chinese (as [`Kind::name`]): `日期`, `日期列表`, `时刻`, ….
    pub fn name_zh(&self) -> &'static str {
        match self {
            Kind::Date => "日期",
            Kind::Dates => "日期列表",
            Kind::Time => "时刻",
            Kind::Flag => "标志",
            Kind::Region => "行政区划代码",
            Kind::Whole { .. } => "整数",
            Kind::Word(_) => "词语",
            Kind::Words(_) => "词语集合",
            Kind::Text => "文本",
            Kind::Object => "对象",
            Kind::List => "列表",
        }
    }

    /// The vocabulary of a word or words kind.
    pub fn vocabulary(&self) -> Option<&'static Vocabulary> {
        match self {
            Kind::Word(v) | Kind::Words(v) => Some(v()),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kind::Whole { min, max } => write!(f, "whole({min}..={max})"),
            Kind::Word(v) | Kind::Words(v) => write!(f, "{}({})", self.name(), v().ids.join("|")),
            _ => f.write_str(self.name()),
        }
    }
}

/// An input field of a rule set's record.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Dotted path in the JSON contract: `person.permit.issued_on`, `policy.issuance_days`, or a
    /// whole subject (`reporter`).
    pub path: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The batch column that carries it (`permit_issued_on`), if the batch engine takes it.
    pub column: Option<&'static str>,
    /// Chinese headers a table may name that column by (`到达日期`; the first is its label),
    /// taken wherever the column's name is: a spreadsheet exported from a Chinese system has
    /// Chinese headers. Empty for a field without a column.
    pub headers_zh: &'static [&'static str],
    /// What it means, in a line.
    pub doc: &'static str,
    /// What it means, in a line of Chinese.
    pub doc_zh: &'static str,
}

impl Field {
    /// Whether a table's column header `name` names this field's column: its name or one of its
    /// Chinese headers.
    ///
    /// ```
    /// let f = juzhu::RuleSet::Liaoning2013.fields().iter().find(|f| f.path == "person.arrival_date").unwrap();
    /// assert!(f.takes_column("arrival_date") && f.takes_column("到达日期"));
    /// assert!(!f.takes_column("person.arrival_date"));
    /// ```
    pub fn takes_column(&self, name: &str) -> bool {
        self.column == Some(name) || self.headers_zh.contains(&name)
    }

    /// The last part of the path: the JSON key.
    pub fn key(&self) -> &'static str {
        self.path.rsplit('.').next().unwrap_or(self.path)
    }

    /// The keys of the fields directly inside each object of `fields`, by the object's path
    /// (`person`, `person.permit`; `""` for the top), each list in table order: [`Field::keys_under`]
    /// for every object at once, for a reader to work out once per table rather than per case.
    pub fn keys_by_parent(fields: &[Field]) -> Vec<(&'static str, Vec<&'static str>)> {
        let mut by_parent: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for f in fields {
            let parent = f.path.rsplit_once('.').map_or("", |(parent, _)| parent);
            match by_parent.iter_mut().find(|(p, _)| *p == parent) {
                Some((_, keys)) => keys.push(f.key()),
                None => by_parent.push((parent, vec![f.key()])),
            }
        }
        by_parent
    }

    /// The keys of the fields directly inside the object at `parent` (`person`,
    /// `person.permit`), in table order.
    pub fn keys_under(fields: &[Field], parent: &str) -> Vec<&'static str> {
        fields
            .iter()
            .filter(|f| {
                f.path.strip_prefix(parent).and_then(|rest| rest.strip_prefix('.')).is_some_and(|k| !k.contains('.'))
            })
            .map(Field::key)
            .collect()
    }
}

/// A reader's keys of each object of its field table, worked out once, on first use
/// ([`Field::keys_by_parent`]): every case read asks for them.
pub(crate) struct KeysByParent(std::sync::OnceLock<Vec<(&'static str, Vec<&'static str>)>>);

impl KeysByParent {
    /// Nothing worked out yet.
    pub(crate) const fn new() -> Self {
        KeysByParent(std::sync::OnceLock::new())
    }

    /// The keys of the object at `parent` in `fields` (the same table at every call).
    pub(crate) fn of(&'static self, fields: &[Field], parent: &str) -> &'static [&'static str] {
        self.0.get_or_init(|| Field::keys_by_parent(fields)).iter().find(|(p, _)| *p == parent).map_or(&[], |(_, k)| k)
    }
}

/// A batch output column.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Column name (`registration_deadline`).
    pub name: &'static str,
    /// Its header in a table written in Chinese (`登记期限`).
    pub header_zh: &'static str,
    /// What it holds (a [`Kind::Words`] column holds bits).
    pub kind: Kind,
    /// The assessment field it mirrors (`registration.deadline`).
    pub path: &'static str,
    /// What it means, in a line.
    pub doc: &'static str,
}

/// A rule set's batch engine, as the bindings see it: its input and output columns, and a run
/// over columns named as the caller names them. (The engines themselves are typed; see each
/// rule set's `batch` module.)
pub trait BatchRules: Sync {
    /// The input fields the engine takes, those with a column, in table order.
    fn inputs(&self) -> Vec<&'static Field>;
    /// The output columns, in order.
    fn outputs(&self) -> &'static [Column];
    /// Assesses `len` rows given as named columns (each one of [`BatchRules::inputs`]' columns,
    /// holding values its kind can be read from), as of `as_of`, under `policy` (the JSON
    /// contract's `policy` object, read exactly as a case's), on `threads` threads.
    ///
    /// # Errors
    /// Only a malformed batch: an unknown or foreign column, values a column's kind cannot take,
    /// a column of another length, a bad policy or `as_of`. Refused rows are in the output.
    fn assess(
        &self,
        len: usize,
        columns: &[(&str, crate::values::Values<'_>)],
        as_of: crate::date::DayNum,
        policy: Option<&serde_json::Value>,
        cal: &crate::calendar::Calendar,
        threads: usize,
    ) -> Result<crate::batch::Output, crate::error::CaseError>;
}

/// The refusal of a batch column `name` that is none of `known`: `foreign` says why when it is
/// another rule set's column; else the columns are listed, with the one `name` looks like.
pub fn unknown_column(name: &str, known: &[&str], foreign: Option<crate::error::Reason>) -> crate::error::CaseError {
    crate::error::CaseError::at(
        crate::privacy::key(name),
        foreign.unwrap_or_else(|| {
            let (hint, hint_zh) = crate::json::hint(name, known);
            crate::error::Reason::new(
                format!("is not an input column{hint}; the columns are {}", known.join(", ")),
                format!("是未知的输入列{hint_zh}；可用的列为 {}", known.join("、")),
            )
        }),
    )
}

/// The refusal of an input column of `found` rows in a batch of `expected` (the words every
/// face uses: the batch engines, and the Python module's table adapters).
#[cold]
pub fn wrong_length(column: &str, found: usize, expected: usize) -> crate::error::CaseError {
    crate::error::CaseError::new(
        column,
        format!("has {found} rows, expected {expected}"),
        format!("有 {found} 行，应为 {expected} 行"),
    )
}

/// Declares a rule set's input fields once, generating the field table, and for the fields
/// carried by batch columns a row struct, a columns struct and their plumbing.
///
/// Every column holds [`crate::values::Values`] as the caller has them; rows hold, per storage
/// kind: `word(W)` a code (`u8`), `flag` `0`/`1` (`u8`), `region` a tagged division code
/// (`i64`), `date` a day number, `whole(min, max)` a number (`u8`), `dates` a
/// [`crate::batch::Span`] of the list's values, `time` minutes after midnight (`u16`), `id` the
/// birth day a citizen identity number holds (a day number; the number itself is not kept) — with the
/// null and invalid markers of [`crate::batch`] and [`crate::values`].
macro_rules! input_record {
    (
        $(#[$fmeta:meta])* fields $FIELDS:ident;
        $(#[$rmeta:meta])* row $Row:ident;
        $(#[$cmeta:meta])* columns $Cols:ident;
        batch {
            $( $col:ident [$($header:literal),*]: $store:ident $(($($arg:tt)*))? = $path:literal, $doc:literal, $doc_zh:literal; )*
        }
        json {
            $( $jpath:literal: $jkind:expr, $jdoc:literal, $jdoc_zh:literal; )*
        }
    ) => {
        $(#[$fmeta])*
        pub const $FIELDS: &[$crate::record::Field] = &[
            $( $crate::record::Field {
                path: $path,
                kind: $crate::record::input_record!(@kind $store $(($($arg)*))?),
                column: Some(stringify!($col)),
                headers_zh: &[$($header),*],
                doc: $doc,
                doc_zh: $doc_zh,
            }, )*
            $( $crate::record::Field { path: $jpath, kind: $jkind, column: None, headers_zh: &[], doc: $jdoc, doc_zh: $jdoc_zh }, )*
        ];

        $(#[$rmeta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $Row {
            $( #[doc = $doc] pub $col: $crate::record::input_record!(@row $store), )*
        }

        impl Default for $Row {
            fn default() -> Self {
                $Row { $( $col: $crate::record::input_record!(@null $store), )* }
            }
        }

        impl $Row {
            /// Whether a value of the row was present but unreadable (an unknown word, a text
            /// that is no date, a flag of 2): such a row is refused in the words of the per-case
            /// reader, which reads the value itself.
            #[inline]
            pub fn marked(&self) -> bool {
                false $( || $crate::record::input_record!(@marked $store, self.$col) )*
            }
        }

        $(#[$cmeta])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $Cols<'a> {
            /// Number of rows.
            pub len: usize,
            $( #[doc = $doc] pub $col: Option<$crate::values::Values<'a>>, )*
        }

        impl<'a> $Cols<'a> {
            /// `len` rows with every column absent.
            pub fn new(len: usize) -> Self {
                $Cols { len, ..Default::default() }
            }

            /// The columns named in `named` (a batch's columns by name, as a binding holds
            /// them): each must be one of this record's columns, named once, and hold values its
            /// kind can be read from; a column of another rule set is refused naming that rule set.
            ///
            /// # Errors
            /// An unknown, foreign or repeated column, or values its kind cannot take, by column
            /// name.
            pub fn from_named(
                len: usize,
                named: &[(&str, $crate::values::Values<'a>)],
                foreign: &dyn Fn(&str) -> Option<$crate::error::Reason>,
            ) -> Result<Self, $crate::error::CaseError> {
                let mut cols = $Cols::new(len);
                for (name, values) in named {
                    match *name {
                        $( stringify!($col) $(| $header)* => {
                            if cols.$col.is_some() {
                                let first = named.iter().map(|(n, _)| *n).find(|n| matches!(*n, stringify!($col) $(| $header)*));
                                return Err($crate::error::CaseError::repeated_column(name, first.unwrap_or(name)));
                            }
                            values.check(name, &$crate::record::input_record!(@kind $store $(($($arg)*))?))?;
                            cols.$col = Some(*values);
                        } )*
                        other => {
                            let known: &[&str] = &[$( stringify!($col), )*];
                            return Err($crate::record::unknown_column(other, known, foreign(other)));
                        }
                    }
                }
                // Each column's values were checked as it was taken; only the lengths are left.
                cols.check_lengths()?;
                Ok(cols)
            }

            /// Checks every present column: `len` entries, values its kind can be read from,
            /// well-formed offsets; the error names the column.
            ///
            /// # Errors
            /// The first column that fails, by name.
            pub fn check(&self) -> Result<(), $crate::error::CaseError> {
                self.check_lengths()?;
                $(
                    if let Some(c) = &self.$col {
                        c.check(stringify!($col), &$crate::record::input_record!(@kind $store $(($($arg)*))?))?;
                    }
                )*
                Ok(())
            }

            /// Rows `start..end` of every column (for chunking and splitting work between
            /// threads). Panics if the range is out of bounds; check lengths first.
            pub fn slice(&self, start: usize, end: usize) -> $Cols<'a> {
                $Cols { len: end - start, $( $col: self.$col.map(|c| c.cut(start, end)), )* }
            }

            /// Checks every present column has `len` entries; the error names the column.
            ///
            /// # Errors
            /// The first column whose length differs from `len`, by name.
            pub fn check_lengths(&self) -> Result<(), $crate::error::CaseError> {
                $(
                    if let Some(n) = self.$col.map(|c| c.rows()).filter(|&n| n != self.len) {
                        return Err($crate::record::wrong_length(stringify!($col), n, self.len));
                    }
                )*
                Ok(())
            }

            /// Fills `rows` with rows `start..start + rows.len()`, one column at a time (tight
            /// loops for the common layouts; an absent column is a fill).
            #[inline]
            pub fn gather(&self, start: usize, rows: &mut [$Row]) {
                $( $crate::record::input_record!(@gather $store $(($($arg)*))?, self.$col, start, rows, |r: &mut $Row, v| r.$col = v); )*
            }

            /// [`Self::gather`] for the present columns only: absent columns' fields in `rows`
            /// are left as they are (see [`Self::blocks`], whose rows start absent).
            #[inline]
            fn gather_present(&self, start: usize, rows: &mut [$Row]) {
                $( if self.$col.is_some() {
                    $crate::record::input_record!(@gather $store $(($($arg)*))?, self.$col, start, rows, |r: &mut $Row, v| r.$col = v);
                } )*
            }

            /// Reads every row once, `block` rows at a time, and calls `f(start, rows)` with
            /// each block's first row index and its rows (one tight loop per present column; the
            /// block buffer starts absent and absent columns are never read again).
            #[inline]
            pub fn blocks(&self, block: usize, mut f: impl FnMut(usize, &[$Row])) {
                let mut buffer = vec![$Row::default(); block.max(1).min(self.len)];
                let mut start = 0;
                while start < self.len {
                    let end = (start + buffer.len()).min(self.len);
                    let rows = &mut buffer[..end - start];
                    self.gather_present(start, rows);
                    f(start, rows);
                    start = end;
                }
            }

            /// Row `i` (the caller guarantees `i < len` and checked lengths).
            #[inline]
            pub fn row(&self, i: usize) -> $Row {
                let mut one = [$Row::default()];
                self.gather(i, &mut one);
                one[0]
            }

            /// Row `i`'s values as the JSON a per-case input would hold, by field path (absent
            /// values left out).
            pub(crate) fn json_fields(&self, i: usize) -> Vec<(&'static str, $crate::json::Json)> {
                let mut out = Vec::new();
                $(
                    if let Some(v) = self.$col.and_then(|c| c.json_at(i, &$crate::record::input_record!(@kind $store $(($($arg)*))?))) {
                        out.push(($path, v));
                    }
                )*
                out
            }
        }
    };
    (@kind word($W:ty)) => { $crate::record::Kind::Word(<$W as $crate::vocab::Word>::vocabulary) };
    (@kind flag) => { $crate::record::Kind::Flag };
    (@kind region) => { $crate::record::Kind::Region };
    (@kind date) => { $crate::record::Kind::Date };
    (@kind whole($min:expr, $max:expr)) => { $crate::record::Kind::Whole { min: $min, max: $max } };
    (@kind dates) => { $crate::record::Kind::Dates };
    (@kind time) => { $crate::record::Kind::Time };
    (@kind id) => { $crate::record::Kind::Text };
    (@row word) => { u8 };
    (@row flag) => { u8 };
    (@row region) => { i64 };
    (@row date) => { $crate::date::DayNum };
    (@row whole) => { u8 };
    (@row dates) => { $crate::batch::Span };
    (@row time) => { u16 };
    (@row id) => { $crate::date::DayNum };
    (@null word) => { $crate::batch::NULL_CODE };
    (@null flag) => { $crate::batch::NULL_CODE };
    (@null region) => { $crate::batch::NULL_REGION };
    (@null date) => { $crate::batch::NULL_DAY };
    (@null whole) => { $crate::batch::NULL_CODE };
    (@null dates) => { $crate::batch::Span { start: 0, end: 0 } };
    (@null time) => { $crate::batch::NULL_TIME };
    (@null id) => { $crate::batch::NULL_DAY };
    (@marked word, $v:expr) => { $v == $crate::values::INVALID_CODE };
    (@marked flag, $v:expr) => { $v == $crate::values::INVALID_CODE };
    (@marked whole, $v:expr) => { $v == $crate::values::INVALID_CODE };
    (@marked region, $v:expr) => { $v == $crate::values::INVALID_REGION };
    (@marked date, $v:expr) => { $v == $crate::values::INVALID_DAY };
    (@marked dates, $v:expr) => { false };
    (@marked time, $v:expr) => { $v == $crate::values::INVALID_TIME };
    (@marked id, $v:expr) => { $v == $crate::values::INVALID_DAY };
    (@gather word($W:ty), $c:expr, $start:ident, $rows:ident, $set:expr) => {
        $crate::values::gather_words($c, $start, $rows, <$W as $crate::vocab::Word>::vocabulary(), $set)
    };
    (@gather flag, $c:expr, $start:ident, $rows:ident, $set:expr) => { $crate::values::gather_flags($c, $start, $rows, $set) };
    (@gather region, $c:expr, $start:ident, $rows:ident, $set:expr) => { $crate::values::gather_regions($c, $start, $rows, $set) };
    (@gather date, $c:expr, $start:ident, $rows:ident, $set:expr) => { $crate::values::gather_days($c, $start, $rows, $set) };
    (@gather whole($min:expr, $max:expr), $c:expr, $start:ident, $rows:ident, $set:expr) => {
        $crate::values::gather_wholes($c, $start, $rows, $min, $max, $set)
    };
    (@gather dates, $c:expr, $start:ident, $rows:ident, $set:expr) => { $crate::values::gather_spans($c, $start, $rows, $set) };
    (@gather time, $c:expr, $start:ident, $rows:ident, $set:expr) => { $crate::values::gather_times($c, $start, $rows, $set) };
    (@gather id, $c:expr, $start:ident, $rows:ident, $set:expr) => { $crate::values::gather_id_births($c, $start, $rows, $set) };
}

/// Declares a rule set's batch output columns once, generating the column table, an owned
/// batch struct, a borrowed columns struct and their plumbing (lengths, splitting for threads,
/// nulls for refused rows). Writing an outcome into a row stays the rule set's (a `put` method
/// it writes by field name).
///
/// Columns added after a rule set's first release follow `added NAME;`: they are in the table
/// and the owned batch like the others, but borrowed apart, in a second struct `NAME` with the
/// same plumbing, so that code naming every field of the first borrowed struct keeps compiling.
///
/// Storage kinds: `word` (`u8` codes), `flag` (`u8` 0/1), `date` (day numbers), `bits16` /
/// `bits32` / `bits64` (word sets), `whole` (`u32`), `time` (`u16` minutes after midnight).
macro_rules! output_record {
    (
        $(#[$tmeta:meta])* columns $COLUMNS:ident;
        $(#[$bmeta:meta])* batch $Batch:ident;
        $(#[$mmeta:meta])* borrowed $Mut:ident;
        $( $col:ident [$zh:literal]: $store:ident = $path:literal, $kind:expr, $doc:literal; )*
    ) => {
        $(#[$tmeta])*
        pub const $COLUMNS: &[$crate::record::Column] = &[
            $( $crate::record::Column { name: stringify!($col), header_zh: $zh, kind: $kind, path: $path, doc: $doc }, )*
        ];

        $crate::record::output_record!(@owned $(#[$bmeta])* $Batch; $( $col: $store = $doc; )*);
        $crate::record::output_record!(@borrowed $(#[$mmeta])* $Mut; $( $col: $store = $doc; )*);
        $crate::record::output_record!(@into $COLUMNS; $Batch; $( $col: $store ),*);

        impl $Batch {
            /// The columns as mutable slices.
            pub fn columns_mut(&mut self) -> $Mut<'_> {
                $Mut { $( $col: &mut self.$col, )* }
            }
        }
    };
    (
        $(#[$tmeta:meta])* columns $COLUMNS:ident;
        $(#[$bmeta:meta])* batch $Batch:ident;
        $(#[$mmeta:meta])* borrowed $Mut:ident;
        $( $col:ident [$zh:literal]: $store:ident = $path:literal, $kind:expr, $doc:literal; )*
        $(#[$ameta:meta])* added $Added:ident;
        $( $acol:ident [$azh:literal]: $astore:ident = $apath:literal, $akind:expr, $adoc:literal; )*
    ) => {
        $(#[$tmeta])*
        pub const $COLUMNS: &[$crate::record::Column] = &[
            $( $crate::record::Column { name: stringify!($col), header_zh: $zh, kind: $kind, path: $path, doc: $doc }, )*
            $( $crate::record::Column { name: stringify!($acol), header_zh: $azh, kind: $akind, path: $apath, doc: $adoc }, )*
        ];

        $crate::record::output_record!(@owned $(#[$bmeta])* $Batch; $( $col: $store = $doc; )* $( $acol: $astore = $adoc; )*);
        $crate::record::output_record!(@into $COLUMNS; $Batch; $( $col: $store, )* $( $acol: $astore ),*);
        $crate::record::output_record!(@borrowed $(#[$mmeta])* $Mut; $( $col: $store = $doc; )*);
        $crate::record::output_record!(@borrowed $(#[$ameta])* $Added; $( $acol: $astore = $adoc; )*);

        impl $Batch {
            /// The columns of the first release as mutable slices (see `all_columns_mut` for
            /// every column).
            pub fn columns_mut(&mut self) -> $Mut<'_> {
                $Mut { $( $col: &mut self.$col, )* }
            }

            /// Every column as mutable slices: the first release's and the added ones.
            pub fn all_columns_mut(&mut self) -> ($Mut<'_>, $Added<'_>) {
                ($Mut { $( $col: &mut self.$col, )* }, $Added { $( $acol: &mut self.$acol, )* })
            }
        }
    };
    (@owned $(#[$bmeta:meta])* $Batch:ident; $( $col:ident: $store:ident = $doc:literal; )*) => {
        $(#[$bmeta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct $Batch {
            $( #[doc = $doc] pub $col: Vec<$crate::record::output_record!(@ty $store)>, )*
            /// Refused rows: index and error, in row order.
            pub errors: Vec<(usize, $crate::error::CaseError)>,
        }

        impl $Batch {
            /// Zero-filled columns for `n` rows.
            pub fn with_len(n: usize) -> Self {
                $Batch { $( $col: vec![Default::default(); n], )* errors: Vec::new() }
            }
        }
    };
    (@borrowed $(#[$mmeta:meta])* $Mut:ident; $( $col:ident: $store:ident = $doc:literal; )*) => {
        $(#[$mmeta])*
        pub struct $Mut<'a> {
            $( #[doc = $doc] pub $col: &'a mut [$crate::record::output_record!(@ty $store)], )*
        }

        impl<'a> $Mut<'a> {
            /// Number of rows (of the first column).
            pub fn len(&self) -> usize {
                [$( self.$col.len(), )*][0]
            }

            /// Whether there are no rows.
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            /// Whether every column has `n` rows.
            pub fn lengths_match(&self, n: usize) -> bool {
                true $( && self.$col.len() == n )*
            }

            /// Splits the columns at row `mid` (for handing parts to threads).
            pub fn split_at(self, mid: usize) -> ($Mut<'a>, $Mut<'a>) {
                $( let $col = self.$col.split_at_mut(mid); )*
                ($Mut { $( $col: $col.0, )* }, $Mut { $( $col: $col.1, )* })
            }

            /// The same columns, borrowed again for a shorter time.
            pub fn reborrow(&mut self) -> $Mut<'_> {
                $Mut { $( $col: &mut *self.$col, )* }
            }

            /// Rows `start..end` of every column, borrowed again (one block of the batch loop: indexes
            /// below `end - start` then need no further bounds checks).
            #[inline(always)]
            pub fn block(&mut self, start: usize, end: usize) -> $Mut<'_> {
                $Mut { $( $col: &mut self.$col[start..end], )* }
            }

            /// Marks row `i` refused: every column null.
            #[inline(always)]
            pub fn put_null(&mut self, i: usize) {
                $( self.$col[i] = $crate::record::output_record!(@null $store); )*
            }
        }
    };
    (@into $COLUMNS:ident; $Batch:ident; $( $col:ident: $store:ident ),* $(,)?) => {
        impl $Batch {
            /// The batch as the bindings take it: every column with its table entry, in order.
            pub fn into_output(self) -> $crate::batch::Output {
                let mut table = $COLUMNS.iter();
                let columns = vec![
                    $( (
                        table.next().expect("one table entry per column"),
                        $crate::record::output_record!(@owned_col $store, self.$col),
                    ), )*
                ];
                debug_assert!(table.next().is_none());
                $crate::batch::Output { columns, errors: self.errors }
            }
        }
    };
    (@owned_col word, $v:expr) => { $crate::batch::Owned::Codes($v) };
    (@owned_col flag, $v:expr) => { $crate::batch::Owned::Codes($v) };
    (@owned_col date, $v:expr) => { $crate::batch::Owned::Days($v) };
    (@owned_col bits16, $v:expr) => { $crate::batch::Owned::Bits16($v) };
    (@owned_col bits32, $v:expr) => { $crate::batch::Owned::Bits32($v) };
    (@owned_col bits64, $v:expr) => { $crate::batch::Owned::Bits64($v) };
    (@owned_col whole, $v:expr) => { $crate::batch::Owned::Wholes($v) };
    (@owned_col time, $v:expr) => { $crate::batch::Owned::Times($v) };
    (@ty word) => { u8 };
    (@ty flag) => { u8 };
    (@ty date) => { $crate::date::DayNum };
    (@ty bits16) => { u16 };
    (@ty bits32) => { u32 };
    (@ty bits64) => { u64 };
    (@ty whole) => { u32 };
    (@ty time) => { u16 };
    (@null word) => { $crate::batch::NULL_CODE };
    (@null flag) => { $crate::batch::NULL_CODE };
    (@null date) => { $crate::batch::NULL_DAY };
    (@null bits16) => { 0 };
    (@null bits32) => { 0 };
    (@null bits64) => { 0 };
    (@null whole) => { u32::MAX };
    (@null time) => { $crate::batch::NULL_TIME };
}

pub(crate) use input_record;
pub(crate) use output_record;

#[cfg(test)]
mod tests {
    use super::Field;
    use crate::vocab::Word;

    /// The keys worked out once per table are those asked of each object one at a time, for
    /// every object of every rule set's table and of the envelope.
    #[test]
    fn keys_by_parent_are_the_keys_under_each_object() {
        let tables = crate::rules::RuleSet::ALL.iter().map(|r| r.fields()).chain([crate::case::ENVELOPE]);
        for fields in tables {
            let by_parent = Field::keys_by_parent(fields);
            // Top-level keys (`as_of`, `reporter`) are read by name, not asked for as a list.
            for f in fields.iter().filter(|f| f.path.contains('.')) {
                let parent = f.path.rsplit_once('.').map_or("", |(p, _)| p);
                let keys = &by_parent.iter().find(|(p, _)| *p == parent).expect("every parent listed").1;
                assert_eq!(keys, &Field::keys_under(fields, parent), "{parent}");
            }
            assert!(by_parent.iter().any(|(p, _)| !p.is_empty()), "objects are listed");
        }
    }
}
