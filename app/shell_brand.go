package app

import (
	"smacalc/app/advisor"
	"smacalc/app/brand"
)

// The white label's types under the names the site builder (package site)
// and the browser tests use; they are defined in package brand.
type (
	Brand        = brand.Brand
	BrandColors  = brand.Colors
	CallToAction = brand.CallToAction
)

// BrandEnv is the go-app environment variable that carries the brand.
const BrandEnv = brand.Env

// browserSaved reads the saved scenarios of this browser's local storage
// (one per origin, so one reader per page): the page gives it to the
// components that list them, and SavedScenarios to the simulation client.
var browserSaved = &advisor.SavedStore{}
