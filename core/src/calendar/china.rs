//! Mainland China's official rest days and make-up working days, 2013–2026.
//!
//! Facts from the General Office of the State Council's annual notices on public-holiday
//! arrangements (《国务院办公厅关于某年部分节假日安排的通知》), with the extra notices that
//! changed a year's arrangement. The dates were taken from the tables of the MIT-licensed
//! `chinesecalendar` package (version 1.11.0) and are checked against that package, day by day,
//! in the test suite (`tests/calendar_crosscheck.rs` and `tests/python/test_calendar.py`).
//!
//! Each year lists its holiday blocks (rest days, including weekend days inside a block) and
//! its make-up working days (调休上班日, weekend days that are working days). Every other
//! Saturday and Sunday is a rest day; every other weekday is a working day. A year's table holds
//! the days of that calendar year: the New Year block announced in the following year's notice
//! (for example 2018-12-30/31) appears under the year its days fall in, with that notice cited.

use super::Festival::{
    self, DragonBoat, LabourDay, MidAutumn, MidAutumnNationalDay, NationalDay, NationalDayMidAutumn, NewYear, Qingming,
    SpringFestival, VictoryDay70,
};

/// One year of official data.
pub(crate) struct YearData {
    /// The calendar year.
    pub year: i32,
    /// The notices the year's days come from.
    pub sources: &'static [&'static str],
    /// Holiday blocks: festival, first and last day (`MM-DD`, inclusive).
    pub rest: &'static [(Festival, &'static str, &'static str)],
    /// Make-up working days (`MM-DD`).
    pub work: &'static [&'static str],
}

/// The embedded years, in order.
pub(crate) const YEARS: &[YearData] = &[
    YearData {
        year: 2013,
        sources: &["国务院办公厅关于2013年部分节假日安排的通知 (2012-12-08)"],
        rest: &[
            (NewYear, "01-01", "01-03"),
            (SpringFestival, "02-09", "02-15"),
            (Qingming, "04-04", "04-06"),
            (LabourDay, "04-29", "05-01"),
            (DragonBoat, "06-10", "06-12"),
            (MidAutumn, "09-19", "09-21"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &[
            "01-05", "01-06", "02-16", "02-17", "04-07", "04-27", "04-28", "06-08", "06-09", "09-22", "09-29", "10-12",
        ],
    },
    YearData {
        year: 2014,
        sources: &["国务院办公厅关于2014年部分节假日安排的通知 (2013-12-11)"],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "01-31", "02-06"),
            (Qingming, "04-05", "04-07"),
            (LabourDay, "05-01", "05-03"),
            (DragonBoat, "06-02", "06-02"),
            (MidAutumn, "09-08", "09-08"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["01-26", "02-08", "05-04", "09-28", "10-11"],
    },
    YearData {
        year: 2015,
        sources: &[
            "国务院办公厅关于2015年部分节假日安排的通知 (2014-12-16)",
            "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (2015-05)",
        ],
        rest: &[
            (NewYear, "01-01", "01-03"),
            (SpringFestival, "02-18", "02-24"),
            (Qingming, "04-05", "04-06"),
            (LabourDay, "05-01", "05-01"),
            (DragonBoat, "06-20", "06-22"),
            (VictoryDay70, "09-03", "09-04"),
            (MidAutumn, "09-27", "09-27"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["01-04", "02-15", "02-28", "09-06", "10-10"],
    },
    YearData {
        year: 2016,
        sources: &["国务院办公厅关于2016年部分节假日安排的通知 (2015-12-10)"],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "02-07", "02-13"),
            (Qingming, "04-04", "04-04"),
            (LabourDay, "05-01", "05-02"),
            (DragonBoat, "06-09", "06-11"),
            (MidAutumn, "09-15", "09-17"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["02-06", "02-14", "06-12", "09-18", "10-08", "10-09"],
    },
    YearData {
        year: 2017,
        sources: &["国务院办公厅关于2017年部分节假日安排的通知 (2016-12-01)"],
        rest: &[
            (NewYear, "01-01", "01-02"),
            (SpringFestival, "01-27", "02-02"),
            (Qingming, "04-02", "04-04"),
            (LabourDay, "05-01", "05-01"),
            (DragonBoat, "05-28", "05-30"),
            (NationalDayMidAutumn, "10-01", "10-08"),
        ],
        work: &["01-22", "02-04", "04-01", "05-27", "09-30"],
    },
    YearData {
        year: 2018,
        sources: &[
            "国务院办公厅关于2018年部分节假日安排的通知 (2017-11-30)",
            "国务院办公厅关于2019年部分节假日安排的通知 (2018-12-06): 12-29 to 12-31",
        ],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "02-15", "02-21"),
            (Qingming, "04-05", "04-07"),
            (LabourDay, "04-29", "05-01"),
            (DragonBoat, "06-18", "06-18"),
            (MidAutumn, "09-24", "09-24"),
            (NationalDay, "10-01", "10-07"),
            (NewYear, "12-30", "12-31"),
        ],
        work: &["02-11", "02-24", "04-08", "04-28", "09-29", "09-30", "12-29"],
    },
    YearData {
        year: 2019,
        sources: &[
            "国务院办公厅关于2019年部分节假日安排的通知 (2018-12-06)",
            "国务院办公厅关于调整2019年劳动节假期安排的通知 (2019-03-22)",
        ],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "02-04", "02-10"),
            (Qingming, "04-05", "04-07"),
            (LabourDay, "05-01", "05-04"),
            (DragonBoat, "06-07", "06-09"),
            (MidAutumn, "09-13", "09-15"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["02-02", "02-03", "04-28", "05-05", "09-29", "10-12"],
    },
    YearData {
        year: 2020,
        sources: &[
            "国务院办公厅关于2020年部分节假日安排的通知 (2019-11-21)",
            "国务院办公厅关于延长2020年春节假期的通知 (2020-01-27)",
        ],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "01-24", "02-02"),
            (Qingming, "04-04", "04-06"),
            (LabourDay, "05-01", "05-05"),
            (DragonBoat, "06-25", "06-27"),
            (NationalDayMidAutumn, "10-01", "10-08"),
        ],
        work: &["01-19", "04-26", "05-09", "06-28", "09-27", "10-10"],
    },
    YearData {
        year: 2021,
        sources: &["国务院办公厅关于2021年部分节假日安排的通知 (2020-11-25)"],
        rest: &[
            (NewYear, "01-01", "01-03"),
            (SpringFestival, "02-11", "02-17"),
            (Qingming, "04-03", "04-05"),
            (LabourDay, "05-01", "05-05"),
            (DragonBoat, "06-12", "06-14"),
            (MidAutumn, "09-19", "09-21"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09"],
    },
    YearData {
        year: 2022,
        sources: &[
            "国务院办公厅关于2022年部分节假日安排的通知 (2021-10-25)",
            "国务院办公厅关于2023年部分节假日安排的通知 (2022-12-08): 12-31",
        ],
        rest: &[
            (NewYear, "01-01", "01-03"),
            (SpringFestival, "01-31", "02-06"),
            (Qingming, "04-03", "04-05"),
            (LabourDay, "04-30", "05-04"),
            (DragonBoat, "06-03", "06-05"),
            (MidAutumn, "09-10", "09-12"),
            (NationalDay, "10-01", "10-07"),
            (NewYear, "12-31", "12-31"),
        ],
        work: &["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"],
    },
    YearData {
        year: 2023,
        sources: &[
            "国务院办公厅关于2023年部分节假日安排的通知 (2022-12-08)",
            "国务院办公厅关于2024年部分节假日安排的通知 (2023-10-25): 12-30 and 12-31",
        ],
        rest: &[
            (NewYear, "01-01", "01-02"),
            (SpringFestival, "01-21", "01-27"),
            (Qingming, "04-05", "04-05"),
            (LabourDay, "04-29", "05-03"),
            (DragonBoat, "06-22", "06-24"),
            (MidAutumnNationalDay, "09-29", "10-06"),
            (NewYear, "12-30", "12-31"),
        ],
        work: &["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"],
    },
    YearData {
        year: 2024,
        sources: &["国务院办公厅关于2024年部分节假日安排的通知 (2023-10-25)"],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "02-10", "02-17"),
            (Qingming, "04-04", "04-06"),
            (LabourDay, "05-01", "05-05"),
            (DragonBoat, "06-10", "06-10"),
            (MidAutumn, "09-15", "09-17"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"],
    },
    YearData {
        year: 2025,
        sources: &["国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)"],
        rest: &[
            (NewYear, "01-01", "01-01"),
            (SpringFestival, "01-28", "02-04"),
            (Qingming, "04-04", "04-06"),
            (LabourDay, "05-01", "05-05"),
            (DragonBoat, "05-31", "06-02"),
            (NationalDayMidAutumn, "10-01", "10-08"),
        ],
        work: &["01-26", "02-08", "04-27", "09-28", "10-11"],
    },
    YearData {
        year: 2026,
        sources: &["国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)"],
        rest: &[
            (NewYear, "01-01", "01-03"),
            (SpringFestival, "02-15", "02-23"),
            (Qingming, "04-04", "04-06"),
            (LabourDay, "05-01", "05-05"),
            (DragonBoat, "06-19", "06-21"),
            (MidAutumn, "09-25", "09-27"),
            (NationalDay, "10-01", "10-07"),
        ],
        work: &["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
    },
];
