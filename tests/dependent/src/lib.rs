//! A dependent of `juzhu`, as a Rust service would be.

/// The repository README's Rust examples, compiled and run as doctests from a dependent.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    #[test]
    fn juzhu_does_not_force_preserve_order_on_its_dependents() {
        // serde_json's map keeps insertion order only with its `preserve_order` feature; a
        // dependent that did not ask for it gets sorted keys.
        let mut m = serde_json::Map::new();
        m.insert("b".into(), 1.into());
        m.insert("a".into(), 2.into());
        let keys: Vec<&str> = m.keys().map(String::as_str).collect();
        assert_eq!(keys, ["a", "b"], "a feature of serde_json leaked in through juzhu");
    }

    #[test]
    fn the_public_api_is_usable_from_outside() {
        let case = juzhu::Case::from_json(
            r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#,
        )
        .unwrap();
        let a = juzhu::assess(&case).unwrap();
        let back = juzhu::Assessment::from_json(&a.to_json()).unwrap();
        assert_eq!(back, a, "an assessment reads back from its JSON");
        assert_eq!(a.person().unwrap().registration.deadline.unwrap().to_string(), "2024-10-08");
    }
}
