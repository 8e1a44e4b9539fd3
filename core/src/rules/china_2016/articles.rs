//! The provisions of the Interim Regulations on Residence Permits (State Council Decree 663)
//! that decisions cite, and the basis set that carries them.
//!
//! Ids follow RULES-china-2016.md: `rp2` (Art 2), `rp9.p6` (Art 9, paragraph 6), `rp12.i3`
//! (Art 12, item 3), `rp19.p1.i2`. The prefix keeps them apart from other rule sets' ids. The
//! labels are this project's own short summaries.

use crate::vocab::{words, WordSet};

words! {
    /// A provision of the Interim Regulations on Residence Permits.
    pub enum Article {
        /// Who may apply: half a year in another city and one of three conditions.
        Rp2 = 0 => "rp2", "申领条件：到其他城市居住半年以上并符合三项条件之一", "who may apply: half a year in another city and one of three conditions";
        /// What a permit records (name, birth date, identity number, …).
        Rp4 = 1 => "rp4", "居住证登载的内容", "what a permit records";
        /// Documents to submit.
        Rp9P1 = 2 => "rp9.p1", "申领应提交的材料", "documents for an application";
        /// What counts as proof of address, employment, study.
        Rp9P2 = 3 => "rp9.p2", "住址、就业、就读证明的种类", "kinds of proof of address, employment and study";
        /// Under-16s and people of limited mobility may apply through a guardian or close relative.
        Rp9P3 = 4 => "rp9.p3", "监护人、近亲属代为申领", "applying through a guardian or close relative";
        /// Issuance within 15 days of acceptance (up to 30 by local measures).
        Rp9P6 = 5 => "rp9.p6", "受理之日起15日内制作发放", "issued within 15 days of acceptance";
        /// Endorsed once a year.
        Rp10P1 = 6 => "rp10.p1", "每年签注1次", "endorsed once a year";
        /// The endorsement window: the month before each full year.
        Rp10P2 = 7 => "rp10.p2", "居住每满1年之日前1个月内签注", "endorsement in the month before each full year";
        /// Missed endorsement suspends the functions; a late one restores them and restarts the years.
        Rp10P3 = 8 => "rp10.p3", "逾期未签注中止使用功能，补办后恢复并重新计算居住年限", "a missed endorsement suspends the functions; a late one restores them and restarts the years";
        /// Replacement of a damaged or lost permit.
        Rp11 = 9 => "rp11", "居住证换领、补领", "replacing a damaged or lost permit";
        /// Rights: employment, social insurance, housing provident fund.
        Rp12 = 10 => "rp12", "持证人的劳动就业、社会保险、住房公积金权利", "holders' rights: employment, social insurance, housing provident fund";
        /// Basic public service: compulsory education.
        Rp12I1 = 11 => "rp12.i1", "义务教育", "compulsory education";
        /// Basic public service: public employment services.
        Rp12I2 = 12 => "rp12.i2", "基本公共就业服务", "basic public employment services";
        /// Basic public service: public health and family planning.
        Rp12I3 = 13 => "rp12.i3", "基本公共卫生服务和计划生育服务", "basic public health and family-planning services";
        /// Basic public service: culture and sports.
        Rp12I4 = 14 => "rp12.i4", "公共文化体育服务", "public culture and sports services";
        /// Basic public service: legal aid and other legal services.
        Rp12I5 = 15 => "rp12.i5", "法律援助和其他法律服务", "legal aid and other legal services";
        /// Basic public service: others set by the state.
        Rp12I6 = 16 => "rp12.i6", "国家规定的其他基本公共服务", "other basic public services set by the state";
        /// Convenience: exit-entry documents.
        Rp13I1 = 17 => "rp13.i1", "办理出入境证件", "exit-entry documents";
        /// Convenience: renewing and replacing the identity card.
        Rp13I2 = 18 => "rp13.i2", "换领、补领居民身份证", "renewing and replacing the identity card";
        /// Convenience: motor vehicle registration.
        Rp13I3 = 19 => "rp13.i3", "机动车登记", "motor vehicle registration";
        /// Convenience: driving licence.
        Rp13I4 = 20 => "rp13.i4", "申领机动车驾驶证", "driving licence";
        /// Convenience: professional qualification exams.
        Rp13I5 = 21 => "rp13.i5", "职业资格考试与职业资格", "professional qualification exams and titles";
        /// Convenience: birth service registration.
        Rp13I6 = 22 => "rp13.i6", "生育服务登记和其他计划生育证明", "birth service registration and family-planning certificates";
        /// Convenience: others set by the state.
        Rp13I7 = 23 => "rp13.i7", "国家规定的其他便利", "other conveniences set by the state";
        /// Settling the hukou on the city's conditions.
        Rp15 = 24 => "rp15", "符合落户条件可迁入常住户口", "settling the hukou on the city's conditions";
        /// Settlement frame: towns and small cities.
        Rp16I1 = 25 => "rp16.i1", "建制镇和小城市的落户条件", "settlement in towns and small cities";
        /// Settlement frame: medium cities.
        Rp16I2 = 26 => "rp16.i2", "中等城市的落户条件", "settlement in medium cities";
        /// Settlement frame: large cities.
        Rp16I3 = 27 => "rp16.i3", "大城市的落户条件", "settlement in large cities";
        /// Settlement frame: megacities (points).
        Rp16I4 = 28 => "rp16.i4", "特大城市和超大城市的积分落户", "settlement by points in megacities";
        /// Penalty: false documents.
        Rp18I1 = 29 => "rp18.i1", "使用虚假证明材料骗领居住证", "obtaining a permit with false documents";
        /// Penalty: renting out, lending or transferring a permit.
        Rp18I2 = 30 => "rp18.i2", "出租、出借、转让居住证", "renting out, lending or transferring a permit";
        /// Penalty: withholding another's permit.
        Rp18I3 = 31 => "rp18.i3", "非法扣押他人居住证", "unlawfully withholding another's permit";
        /// Penalty: using another's or a fraudulently obtained permit.
        Rp19P1I1 = 32 => "rp19.p1.i1", "冒用他人居住证或使用骗领的居住证", "using another's or a fraudulently obtained permit";
        /// Penalty: buying, selling or using a forged or altered permit.
        Rp19P1I2 = 33 => "rp19.p1.i2", "购买、出售、使用伪造、变造的居住证", "buying, selling or using a forged or altered permit";
        /// Seizure of forged, altered and fraudulently obtained permits.
        Rp19P2 = 34 => "rp19.p2", "收缴伪造、变造和骗领的居住证", "seizure of forged, altered or fraudulently obtained permits";
        /// Fees: first issue and endorsement free, replacement at the card fee.
        Rp21 = 35 => "rp21", "首次申领和签注免费，换领、补领缴纳工本费", "first issue and endorsement free; replacement at the card fee";
        /// Cities' implementing measures.
        Rp22 = 36 => "rp22", "设区的市制定实施办法", "cities' implementing measures";
        /// In force 2016-01-01; earlier permits valid within their validity.
        Rp23 = 37 => "rp23", "施行日期；此前发放的居住证在有效期内继续有效", "in force 2016-01-01; earlier permits stay valid within their validity";
    }
}

/// The provisions a decision rests on, listed in the regulation's order.
pub type Basis = WordSet<Article>;
