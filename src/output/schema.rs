//! The versioned JSON contract: the `schema_version` every JSON document carries, and the JSON
//! Schema generator the catalogue of documents (`crate::contract`) builds each kind's schema
//! with. Additive changes (a new field, a new enum value) keep the version; removing or
//! renaming a field or a value bumps it. Builds schemas; computes nothing about the law.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};

/// The version of the JSON contract. Bump it on a removal or a rename, never on an addition.
pub const SCHEMA_VERSION: &str = "1";

/// The `schema_version` field of a document. It always holds [`SCHEMA_VERSION`], and its schema
/// says so (`const`), so a document of another version does not validate against this schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchemaVersion;

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(SCHEMA_VERSION)
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The version of tipnav's JSON contract: the same while fields are only added.",
            "type": "string",
            "const": SCHEMA_VERSION,
        })
    }
}

/// The schema of what `T` serializes to: every field is required (tipnav writes `null` rather
/// than leave a field out), which the deserializing view would not say.
pub fn root<T: JsonSchema>() -> serde_json::Value {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    dedup_required(&mut schema);
    schema
}

/// Removes repeated names from every `required` list. `show` writes `versions` twice (the
/// listing line's periods, flattened in, then each version in full; JSON readers keep the
/// last), and a schema with a repeated required name is not a valid schema. Renaming one of
/// them would be a change of contract, left for the next version.
fn dedup_required(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Array(names)) = map.get_mut("required") {
                let mut seen = std::collections::HashSet::new();
                names.retain(|name| seen.insert(name.to_string()));
            }
            map.values_mut().for_each(dedup_required);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(dedup_required),
        _ => {}
    }
}
