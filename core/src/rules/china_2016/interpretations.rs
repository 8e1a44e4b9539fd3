//! The interpretations `china-2016` applies where the regulation is silent
//! (RULES-china-2016.md §9), each named in every assessment it shapes.

use crate::vocab::{words, WordSet};

words! {
    /// A named interpretation choice. The label is the choice, in a line.
    pub enum Interpretation {
        /// How the 15 (up to 30) days of Art 9 p6 are counted.
        R1 = 0 => "R1", "制证发证期限按《民法典》计算（2021年1月1日前受理的按《民法通则》第一百五十四条，计法相同）：受理之日不计入，末日为法定休假日的顺延（可选自然日、工作日）",
            "the issuance days follow the Civil Code (an application accepted before 2021-01-01, the General Principles of the Civil Law Art 154, which counts the same way): the day of acceptance is not counted and a last day on a rest day moves to the next working day (calendar or working-day counting selectable)";
        /// Half a year of residence, from when, and whether the day itself counts.
        R2 = 1 => "R2", "居住半年自居住起始日起按月计算，满半年之日即符合（“以上”含本数）",
            "half a year of residence counts from the day residence began, by month arithmetic; the day it is reached counts (\"以上\" includes the number)";
        /// What another city is.
        R3 = 2 => "R3", "“其他城市”按区划代码判断：前4位为城市，直辖市取前2位，省直辖县级单位取全部6位（输入已载明是否在其他城市〔other_city〕的，以输入为准）",
            "\"another city\" is judged by division codes: the first 4 digits name the city, the first 2 for a municipality, all 6 for a county-level unit directly under a province (unless the caller says other_city)";
        /// Anniversaries of what.
        R4 = 3 => "R4", "“居住每满1年之日”按签发日计算；逾期补办签注的，自补办之日重新起算",
            "the full years run from the issue date, and after a late endorsement from that endorsement's date";
        /// Which days make the month before the anniversary.
        R5 = 4 => "R5", "签注期为满1年之日前1个月的同日起至满1年之日前一日；末日为休息日的顺延（按自然日计算时不顺延）",
            "the window runs from the same day one month before the anniversary to the day before it; its last day moves off a rest day (not under calendar counting)";
        /// An endorsement made before the window opens.
        R6 = 5 => "R6", "签注期开始前办理的签注不计入该年度",
            "an endorsement made before the window opens does not count for that year";
        /// The overlapping population boundaries of Art 16.
        R7 = 6 => "R7", "第十六条人口界限按“以下”“以上”含本数：50万为小城市，100万为中等城市，500万为特大城市",
            "Art 16's population bounds include the number: 500 000 is small, 1 000 000 medium, 5 000 000 a megacity";
        /// Judged on the application day or on the assessment day.
        R8 = 7 => "R8", "申领条件按申领之日判断；未申领的按评估日判断",
            "an application is judged on the day it was made; without one, on the assessment day";
        /// Whether not applying has a consequence.
        R9 = 8 => "R9", "居住证自愿申领（“可以申领”），不申领不产生法律后果",
            "the permit is voluntary (\"可以申领\"): not applying has no consequence";
    }
}

/// A set of interpretations, listed in id order.
pub type Interpretations = WordSet<Interpretation>;
