// Unit tests that touch the database use the same private copy as integration tests.
import "./test-env.ts";
