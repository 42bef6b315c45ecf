"""Pure domain: dataclasses and services. No Qt, no SQL, no hardware."""
