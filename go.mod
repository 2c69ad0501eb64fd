module github.com/callx/callx

go 1.26.8
