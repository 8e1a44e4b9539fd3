//! The provisions that decisions cite, and the basis set that carries them.
//!
//! Ids follow RULES.md: `art10` / `art10.p2` (paragraph) / `art11.p1.i3` (item) / `art18.i7`
//! (Arts 17–19 have one paragraph). The labels are this project's own short summaries.
//!
//! Most provisions are Decree 281's own. Art 8 (household registration) and Art 25 (people from
//! outside the mainland) hand matters to other laws, whose provisions are cited with their own
//! prefix:
//!
//! | prefix | law | cited for |
//! |---|---|---|
//! | `art` | 《辽宁省实有人口服务管理办法》 (Liaoning Decree 281, 2013) | everything else |
//! | `hr` | 《中华人民共和国户口登记条例》 (Hukou Registration Regulations, 1958) | the periods of Art 8's household events (RULES.md §12) |
//! | `eel` | 《中华人民共和国出境入境管理法》 (Exit and Entry Administration Law, in force 2013-07-01) | foreigners' accommodation registration (§13) |
//! | `hkm` | 《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》 (1986) | Hong Kong and Macao residents (§13) |
//! | `tw` | 《中国公民往来台湾地区管理办法》 (revised 2015) | Taiwan residents (§13) |
//!
//! Codes are stable: new provisions are appended, and the order of codes is the order a basis
//! lists them in (so a household event's basis reads `["art8.i1", "hr7"]`).

use crate::vocab::{words, WordSet};

words! {
    /// A provision of the Liaoning 2013 Measures.
    pub enum Article {
        /// Scope: the province's administrative area.
        Art2 = 0 => "art2", "适用范围：本省行政区域", "scope: within Liaoning";
        /// Basic information the police collect.
        Art4 = 1 => "art4", "实有人口基础信息", "basic information collected";
        /// Confidentiality of personal information.
        Art7P2 = 2 => "art7.p2", "个人信息保密", "personal information is confidential";
        /// Lodging registration within 7 days.
        Art9 = 3 => "art9", "寄住登记", "lodging registration";
        /// Floating-resident registration and Residence Permit within 7 days.
        Art10P1 = 4 => "art10.p1", "流动人口居住登记并申领居住证", "floating-resident registration and permit";
        /// Students and under-16s need no permit unless they want one.
        Art10P2 = 5 => "art10.p2", "就学、未满16周岁者免办居住证", "students and under-16s exempt from the permit";
        /// Hotel guests: the hotel registers.
        Art11P1I1 = 6 => "art11.p1.i1", "旅馆住宿人员由旅馆登记", "hotel guests registered by the hotel";
        /// Hospital inpatients: the hospital registers.
        Art11P1I2 = 7 => "art11.p1.i2", "住院人员由医院登记", "inpatients registered by the hospital";
        /// Boarders at schools and training institutions: the institution registers.
        Art11P1I3 = 8 => "art11.p1.i3", "寄宿学生、学员由学校、培训机构登记", "boarders registered by the school or training institution";
        /// Relief-station residents: the station registers.
        Art11P1I4 = 9 => "art11.p1.i4", "受助人员由救助站登记", "relief-station residents registered by the station";
        /// Institutions report periodically to the police station.
        Art11P2 = 10 => "art11.p2", "登记单位定期报送", "institutions report periodically";
        /// Documents for a permit application.
        Art12 = 11 => "art12", "申领居住证所需材料", "documents for a permit application";
        /// Changes of registered content within 7 days.
        Art13P1 = 12 => "art13.p1", "居住证变更登记", "reporting changes to the permit";
        /// Validity of 1, 2 or 3 years; extension 30 days before expiry.
        Art13P2 = 13 => "art13.p2", "居住证有效期与延期", "permit validity and extension";
        /// Replacement of a lost or damaged permit.
        Art13P3 = 14 => "art13.p3", "居住证补领、换领", "replacing a lost or damaged permit";
        /// No fees.
        Art13P4 = 15 => "art13.p4", "居住证免费", "the permit is free";
        /// Permits held before the Measures.
        Art13P5 = 16 => "art13.p5", "实施前已办居住证的换领", "exchange of permits held before the Measures";
        /// Employers, agencies and landlords report within 7 days.
        Art14 = 17 => "art14", "用人单位、中介、出租人登记报送", "employers, agencies and landlords report";
        /// Certificates for registered lodging residents.
        Art17 = 18 => "art17", "寄住人口可申请开具证明", "certificates for registered lodging residents";
        /// Permit holders: social insurance.
        Art18I1 = 19 => "art18.i1", "社会保险", "social insurance";
        /// Permit holders: public rental housing.
        Art18I2 = 20 => "art18.i2", "公租房", "public rental housing";
        /// Permit holders: driving licences and vehicle registration.
        Art18I3 = 21 => "art18.i3", "驾驶证与车辆登记", "driving licences and vehicles";
        /// Permit holders: Hong Kong and Macao travel documents.
        Art18I4 = 22 => "art18.i4", "港澳商务签证与边境通行证件", "Hong Kong / Macao travel documents";
        /// Permit holders: business and tax registration.
        Art18I5 = 23 => "art18.i5", "工商与税务登记", "business and tax registration";
        /// Permit holders: professional qualification registration.
        Art18I6 = 24 => "art18.i6", "专业技术任职资格登记", "professional qualifications";
        /// Permit holders: children's education.
        Art18I7 = 25 => "art18.i7", "共同居住子女的教育", "children's education";
        /// Permit holders: community participation.
        Art18I8 = 26 => "art18.i8", "参与社区事务", "community participation";
        /// Permit holders: dispute resolution and legal aid.
        Art18I9 = 27 => "art18.i9", "纠纷调处与法律援助", "disputes and legal aid";
        /// Permit holders: survival and criminal-record certificates.
        Art18I10 = 28 => "art18.i10", "生存证明与有无犯罪记录证明", "survival and criminal-record certificates";
        /// Permit holders: other rights.
        Art18I11 = 29 => "art18.i11", "其他规定权益", "other prescribed rights";
        /// Health services: family-planning education.
        Art19I1 = 30 => "art19.i1", "计划生育知识普及", "family-planning education";
        /// Health services: pre-conception and early-childhood guidance.
        Art19I2 = 31 => "art19.i2", "孕前优生与早期教育指导", "pre-conception and early-childhood guidance";
        /// Health services: family-planning technical services.
        Art19I3 = 32 => "art19.i3", "计划生育技术服务", "family-planning technical services";
        /// Health services: capped-price prenatal care and delivery.
        Art19I4 = 33 => "art19.i4", "限价产检与住院分娩", "capped-price prenatal care and delivery";
        /// Health services: child immunisation.
        Art19I5 = 34 => "art19.i5", "儿童预防接种", "child immunisation";
        /// Health services: infectious-disease control.
        Art19I6 = 35 => "art19.i6", "传染病防治", "infectious-disease control";
        /// Health services: other services.
        Art19I7 = 36 => "art19.i7", "其他规定公共服务", "other prescribed health services";
        /// Individuals who do not register or apply.
        Art21 = 37 => "art21", "个人未登记、未申领的责任", "consequences for individuals";
        /// Reporters who report falsely, conceal or report late.
        Art22 = 38 => "art22", "单位和出租人谎报、瞒报、未按时报送的责任", "penalties for reporters";
        /// The four population categories.
        Art24 = 39 => "art24", "实有人口的分类", "population categories";
        /// People from outside the mainland: other laws.
        Art25 = 40 => "art25", "境外来辽人员依其他法律", "people from outside the mainland: other laws";
        /// In force from 2013-04-01.
        Art26 = 41 => "art26", "自2013年4月1日起施行", "in force from 2013-04-01";
        /// Household registration: births.
        Art8I1 = 42 => "art8.i1", "户口登记：出生登记由户主、亲属、抚养人申报", "household registration: a birth is declared by the householder, a relative or a carer";
        /// Household registration: deaths, and cancellation on a committee certificate.
        Art8I2 = 43 => "art8.i2", "户口登记：死亡登记由户主、亲属、抚养人、邻居申报，未申报的凭居（村）委会证明核实注销", "household registration: a death is declared by the householder, a relative, a carer or a neighbour; if not, the station may cancel the hukou on a committee certificate";
        /// Household registration: moving out and in.
        Art8I3 = 44 => "art8.i3", "户口登记：迁出、迁入登记由本人或户主申报", "household registration: moving out and in are declared by the person or the householder";
        /// Household registration: enlisting.
        Art8I4 = 45 => "art8.i4", "户口登记：应征入伍由本人、户主申报并注销户口", "household registration: enlisting is declared by the person or the householder, and the hukou cancelled";
        /// Household registration: changes and corrections.
        Art8I5 = 46 => "art8.i5", "户口登记：变更、更正登记由户主或本人申报", "household registration: changes and corrections are declared by the householder or the person";
        /// Hukou Registration Regulations (1958) Art 7: births within one month.
        Hr7 = 47 => "hr7", "《户口登记条例》第七条：出生后一个月内申报", "Hukou Registration Regulations Art 7: a birth within one month";
        /// Hukou Registration Regulations Art 8: deaths before burial (towns) or within a month (villages).
        Hr8 = 48 => "hr8", "《户口登记条例》第八条：城市葬前、农村一个月内申报死亡", "Hukou Registration Regulations Art 8: a death before burial in towns, within one month in villages";
        /// Hukou Registration Regulations Art 10: moving out, before moving.
        Hr10 = 49 => "hr10", "《户口登记条例》第十条：迁出前申报", "Hukou Registration Regulations Art 10: moving out, declared before moving";
        /// Hukou Registration Regulations Art 11: enlisting, before enlisting.
        Hr11 = 50 => "hr11", "《户口登记条例》第十一条：入伍前申报，注销户口", "Hukou Registration Regulations Art 11: enlisting, declared before enlisting";
        /// Hukou Registration Regulations Art 13: moving in, within 3 days (towns) or 10 (villages).
        Hr13 = 51 => "hr13", "《户口登记条例》第十三条：迁入城市3日内、农村10日内申报", "Hukou Registration Regulations Art 13: moving in, within 3 days in towns and 10 in villages";
        /// Hukou Registration Regulations Art 17: changes and corrections.
        Hr17 = 52 => "hr17", "《户口登记条例》第十七条：变更、更正由户主或本人申请，经核实办理", "Hukou Registration Regulations Art 17: changes and corrections, checked by the station";
        /// Hukou Registration Regulations Art 20: failures go to the public-security penalty law.
        Hr20 = 53 => "hr20", "《户口登记条例》第二十条：违反者依治安管理处罚规定处理", "Hukou Registration Regulations Art 20: failures are dealt with under the public-security penalty law";
        /// Exit and Entry Administration Law Art 39 p1: hotels register foreign guests.
        Eel39P1 = 54 => "eel39.p1", "《出境入境管理法》第三十九条第一款：旅馆为外国人办理住宿登记", "Exit and Entry Administration Law Art 39 p1: hotels register foreign guests";
        /// Exit and Entry Administration Law Art 39 p2: elsewhere, within 24 hours.
        Eel39P2 = 55 => "eel39.p2", "《出境入境管理法》第三十九条第二款：在旅馆以外住宿的，本人或留宿人24小时内登记", "Exit and Entry Administration Law Art 39 p2: staying elsewhere, the person or the host registers within 24 hours";
        /// Exit and Entry Administration Law Art 76 p1 i6: the penalty for not registering.
        Eel76P1I6 = 56 => "eel76.p1.i6", "《出境入境管理法》第七十六条第一款第六项：未办理住宿登记的，警告，可并处2000元以下罚款", "Exit and Entry Administration Law Art 76 p1 i6: not registering accommodation: a warning, and a fine of up to 2,000 yuan may be added";
        /// 1986 Hong Kong and Macao measures Art 17: temporary-residence registration.
        Hkm17 = 57 => "hkm17", "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第十七条：暂住登记（城市24小时、农村72小时）", "Hong Kong and Macao measures (1986) Art 17: temporary-residence registration (24 hours in towns, 72 in villages)";
        /// Taiwan measures Art 16: temporary-residence registration.
        Tw16 = 58 => "tw16", "《中国公民往来台湾地区管理办法》第十六条：暂住登记（城市24小时、农村72小时）", "Taiwan measures Art 16: temporary-residence registration (24 hours in towns, 72 in villages)";
        /// Taiwan measures Art 34: the penalty for not registering.
        Tw34 = 59 => "tw34", "《中国公民往来台湾地区管理办法》第三十四条：未办理暂住登记的，警告或100元以上500元以下罚款", "Taiwan measures Art 34: not registering temporary residence: a warning, or a fine of 100 to 500 yuan";
    }
}

impl Article {
    /// The Art 11 p1 item that names the institution for an accommodation, if any.
    pub(crate) fn art11_item(a: super::input::Accommodation) -> Option<Article> {
        use super::input::Accommodation as A;
        match a {
            A::Residence => None,
            A::Hotel => Some(Article::Art11P1I1),
            A::Hospital => Some(Article::Art11P1I2),
            A::School | A::Training => Some(Article::Art11P1I3),
            A::ReliefStation => Some(Article::Art11P1I4),
        }
    }
}

/// The provisions a decision rests on: a set of [`Article`]s, listed in the statute's order.
pub type Basis = WordSet<Article>;
