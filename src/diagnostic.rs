//! Wording helpers shared by every stage's errors: did-you-mean suggestions and lists.
//! Rendering diagnostics is `output::report`'s job, not this module's.

/// The closest candidate to `name`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if let Some(only) = unique_prefix_match(name, &candidates) {
        return Some(only);
    }
    let limit = (name.chars().count() / 3).max(2);
    // Punctuation-blind distance first, so `ppc/371A` finds `ppc/371-A` rather than `ppc/371`.
    let plain = normalize(name);
    candidates
        .into_iter()
        .map(|candidate| {
            let distance = edit_distance(name, candidate);
            (
                (edit_distance(&plain, &normalize(candidate)), distance),
                candidate,
            )
        })
        .filter(|((_, distance), _)| *distance <= limit)
        .min_by_key(|(key, _)| *key)
        .map(|(_, candidate)| candidate)
}

/// Lower case without `-`, `_` and spaces.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A help line for an unknown name: a suggestion if one is close, else the list of valid names.
pub fn suggestion_help<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match did_you_mean(name, candidates.clone()) {
        Some(close) => crate::i18n::trf("did you mean `{close}`?", &[("close", close)]),
        None => crate::i18n::trf(
            "expected one of {options}",
            &[("options", &list_or(candidates))],
        ),
    }
}

/// `a`, `a` or `b`, `a`, `b` or `c` (each quoted in backticks; long lists are cut short).
pub fn list_or<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    list_with(items, crate::i18n::tr(" or "))
}

/// `a`, `a` and `b`, `a`, `b` and `c`, as [`list_or`] but for all of them.
pub fn list_and<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    list_with(items, crate::i18n::tr(" and "))
}

/// A list quoted in backticks, the last item joined by `last_joint` (` or `, ` and `).
fn list_with<'a>(items: impl IntoIterator<Item = &'a str>, last_joint: &str) -> String {
    let items: Vec<String> = items.into_iter().map(|item| format!("`{item}`")).collect();
    match items.as_slice() {
        [] => crate::i18n::tr("nothing").to_owned(),
        [only] => only.clone(),
        [init @ .., last] if items.len() <= 12 => format!("{}{last_joint}{last}", init.join(", ")),
        _ => crate::i18n::trf(
            "{items}, ... ({count} in all)",
            &[
                ("items", &items[..10].join(", ")),
                ("count", &items.len().to_string()),
            ],
        ),
    }
}

/// `f` for `female`: an abbreviation that only one candidate starts with (ignoring case).
fn unique_prefix_match<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let name = name.to_lowercase();
    if name.is_empty() {
        return None;
    }
    let mut matches = candidates
        .iter()
        .filter(|candidate| candidate.to_lowercase().starts_with(&name));
    match (matches.next(), matches.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(current)
            };
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["conduct.means", "conduct.acts", "victim.age"];
        assert_eq!(did_you_mean("conduct.mean", names), Some("conduct.means"));
        assert_eq!(did_you_mean("victim.agee", names), Some("victim.age"));
        assert_eq!(did_you_mean("harm.death", names), None);
        assert_eq!(
            did_you_mean("ppc/371A", ["ppc/370", "ppc/371", "ppc/371-A"]),
            Some("ppc/371-A")
        );
    }

    #[test]
    fn unique_abbreviation_counts_as_close() {
        assert_eq!(did_you_mean("f", ["female", "male"]), Some("female"));
        assert_eq!(did_you_mean("m", ["magistrate", "male"]), None);
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list_or(["a"]), "`a`");
        assert_eq!(list_or(["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
