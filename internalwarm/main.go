package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/dialog"
	_ "fyne.io/fyne/v2/container"
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/mattn/go-sqlite3"
)

func main() {}
