// Package e2e holds the end-to-end tests of the main job: they build the
// real cli binary once, lay out a JBOSS_HOME per test, run real jboss-cli
// scripts against real and default configurations, and compare the files
// afterwards. It has no code of its own outside its tests.
package e2e
