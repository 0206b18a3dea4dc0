//! The fields of one JSONL line, read straight from its text.
//!
//! A line used to be parsed into a `serde_json::Value` (a map with every key
//! and string copied) and the five fields copied out of it again. Here the
//! parser hands each key to a visitor that keeps only `id`, `text`, `date`,
//! `title` and `url` (each string copied once) and walks past the rest. Every
//! value still goes through the parser's `deserialize_any`, as it did for
//! `Value`, so the same lines are invalid JSON, with the same messages; a
//! repeated key keeps its last value, as `Value`'s map did.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A line: an object's fields, or any other JSON value.
pub(super) enum Line {
    Object(Fields),
    NotAnObject,
}

/// The fields a document is made of.
#[derive(Default)]
pub(super) struct Fields {
    pub id: Field,
    pub text: Field,
    pub date: Field,
    pub title: Field,
    pub url: Field,
}

/// One field's value: absent or null, a string, or anything else.
#[derive(Default)]
pub(super) enum Field {
    #[default]
    Missing,
    Text(String),
    Other,
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Line, D::Error> {
        deserializer.deserialize_any(LineVisitor)
    }
}

struct LineVisitor;

impl<'de> Visitor<'de> for LineVisitor {
    type Value = Line;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Id => &mut fields.id,
                Key::Text => &mut fields.text,
                Key::Date => &mut fields.date,
                Key::Title => &mut fields.title,
                Key::Url => &mut fields.url,
                Key::Other => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Field>()?;
        }
        Ok(Line::Object(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Line, A::Error> {
        Skip.visit_seq(seq).map(|_| Line::NotAnObject)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }

    fn visit_none<E: de::Error>(self) -> Result<Line, E> {
        Ok(Line::NotAnObject)
    }
}

/// A key of the line's object, by the field it names.
enum Key {
    Id,
    Text,
    Date,
    Title,
    Url,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "text" => Key::Text,
            "date" => Key::Date,
            "title" => Key::Title,
            "url" => Key::Url,
            _ => Key::Other,
        })
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Field, E> {
        Ok(Field::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Field, E> {
        Ok(Field::Text(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Missing)
    }

    fn visit_none<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Missing)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field, A::Error> {
        Skip.visit_map(map).map(|_| Field::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field, A::Error> {
        Skip.visit_seq(seq).map(|_| Field::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field, E> {
        Ok(Field::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Field, E> {
        Ok(Field::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Field, E> {
        Ok(Field::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field, E> {
        Ok(Field::Other)
    }
}

/// Any JSON value, parsed (numbers too, as `Value` parsed them) and dropped.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Skip, D::Error> {
        deserializer.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_none<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
}
