//! Issue 14: imports only point down. The graph of which source file uses which (from the
//! `crate::`, `super::` and child-module paths in the code, test modules left out) has no
//! cycle: a file never imports one that imports it back, so each stage can be read, tested and
//! changed from the stages below it alone. A folder's `mod.rs` and the files under it are one
//! unit (a child may use what its parent defines), but siblings and other modules may not
//! import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path: `["output", "table"]` for `src/output/table.rs`, `[]` for `src/lib.rs`.
type Module = Vec<String>;

#[test]
fn no_source_file_imports_one_that_imports_it_back() {
    let files = source_files();
    let graph: BTreeMap<&Module, BTreeSet<Module>> = files
        .iter()
        .map(|(module, path)| (module, imports(&files, module, path)))
        .collect();
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "groups of source files that import one another (a cycle runs through each group):\n{}",
        cycles
            .iter()
            .map(|group| format!("  {}", group.join(", ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A cycle the check must find: two files that import each other.
#[test]
fn the_check_finds_a_cycle() {
    let a: Module = vec!["a".to_owned()];
    let b: Module = vec!["b".to_owned()];
    let c: Module = vec!["c".to_owned()];
    let graph = BTreeMap::from([
        (&a, BTreeSet::from([b.clone()])),
        (&b, BTreeSet::from([a.clone(), c.clone()])),
        (&c, BTreeSet::new()),
    ]);
    assert_eq!(cycles(&graph), vec![vec!["a".to_owned(), "b".to_owned()]]);
}

/// Every `.rs` file under `src/` by its module path (the binary's `main.rs` is no module).
fn source_files() -> BTreeMap<Module, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).unwrap();
                let mut module: Module = relative
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                if module != ["main"] {
                    found.insert(module, path);
                }
            }
        }
    }
    found
}

/// The files `module` uses: each path it names (`crate::a::b`, `super::c`, a child module in a
/// `use`) taken to the deepest module with a file of its own.
fn imports(files: &BTreeMap<Module, PathBuf>, module: &Module, path: &Path) -> BTreeSet<Module> {
    let text = std::fs::read_to_string(path).unwrap();
    // Test modules sit at the end of a file and may reach anywhere.
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut used = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or_default();
        for (base, rest) in paths_in(line, module, files) {
            for tail in expand_braces(rest) {
                let mut target = base.clone();
                target.extend(tail);
                if let Some(file) = deepest_file(files, &target) {
                    // A module's own files are a unit with it: a child may use what its
                    // parent defines (`super::Item`) while the parent uses the child.
                    if &file != module && !module.starts_with(&file) {
                        used.insert(file);
                    }
                }
            }
        }
    }
    used
}

/// Each path in a line of code: where it starts (the crate root, a parent, or this module for
/// a child it uses) and the text after its first `::`.
fn paths_in<'l>(
    line: &'l str,
    module: &Module,
    files: &BTreeMap<Module, PathBuf>,
) -> Vec<(Module, &'l str)> {
    let mut found = Vec::new();
    for (at, _) in line.match_indices("crate::") {
        let before = line[..at].chars().next_back();
        if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') {
            found.push((Module::new(), &line[at + "crate::".len()..]));
        }
    }
    for (at, _) in line.match_indices("super::") {
        let before = line[..at].chars().next_back();
        if before.is_some_and(|c| c == ':') {
            continue; // counted with the `super::` before it
        }
        let mut rest = &line[at..];
        let mut base = module.clone();
        while let Some(after) = rest.strip_prefix("super::") {
            base.pop();
            rest = after;
        }
        found.push((base, rest));
    }
    // `use child::Item;` in a parent module names its own child.
    let trimmed = line.trim_start().trim_start_matches("pub ");
    if let Some(rest) = trimmed.strip_prefix("use ") {
        let first = rest.split("::").next().unwrap_or_default();
        let mut child = module.clone();
        child.push(first.to_owned());
        if files.contains_key(&child) {
            found.push((module.clone(), rest));
        }
    }
    found
}

/// The module paths a path's text names: `a::b::Item` gives `[a, b, Item]`; `{a, b::c}` gives
/// `[a]` and `[b, c]` (one level of braces, as `use` lines write them).
fn expand_braces(rest: &str) -> Vec<Vec<String>> {
    let segment = |text: &str| -> Vec<String> {
        text.split("::")
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|s| !s.is_empty())
            .collect()
    };
    let head: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let prefix = segment(&head);
    let after = &rest[head.len()..];
    match after.strip_prefix('{') {
        Some(list) => {
            let list = list.split('}').next().unwrap_or_default();
            list.split(',')
                .map(|item| {
                    let mut path = prefix.clone();
                    path.extend(segment(item.trim()));
                    path
                })
                .collect()
        }
        None => vec![prefix],
    }
}

/// The deepest prefix of `path` that is a module with a file of its own.
fn deepest_file(files: &BTreeMap<Module, PathBuf>, path: &[String]) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|len| path[..len].to_vec())
        .find(|prefix| files.contains_key(prefix))
}

/// The strongly connected groups of two or more files (Tarjan's algorithm), each as its
/// files' names in order.
fn cycles(graph: &BTreeMap<&Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct Search<'g> {
        graph: &'g BTreeMap<&'g Module, BTreeSet<Module>>,
        index: BTreeMap<&'g Module, usize>,
        low: BTreeMap<&'g Module, usize>,
        stack: Vec<&'g Module>,
        on_stack: BTreeSet<&'g Module>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Search<'g> {
        fn visit(&mut self, node: &'g Module) {
            let number = self.index.len();
            self.index.insert(node, number);
            self.low.insert(node, number);
            self.stack.push(node);
            self.on_stack.insert(node);
            let graph = self.graph;
            for next in graph.get(node).into_iter().flatten() {
                let Some((next, _)) = graph.get_key_value(next) else {
                    continue;
                };
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack.remove(member);
                    group.push(member.join("::"));
                    if member == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !search.index.contains_key(node) {
            search.visit(node);
        }
    }
    search.found
}
