package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"wfcli/server/endpoint"
)

// runAddUser is `node add-user`, WildFly's add-user.sh for management
// users: -u/--user, -p/--password (or the user and password as
// arguments; the password is read from stdin when missing), -sc for the
// configuration directory (else the layout's, from -D properties and
// $JBOSS_HOME). An existing user's password is replaced, and the message
// says "Updated". It never prints the password.
func runAddUser(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var name, password, dir string
	props := map[string]string{}
	var pos []string
	for i := 0; i < len(args); i++ {
		k, v, hasValue := strings.Cut(args[i], "=")
		next := func() string {
			if hasValue {
				return v
			}
			if i+1 < len(args) {
				i++
				return args[i]
			}
			return ""
		}
		switch {
		case strings.HasPrefix(args[i], "-D"):
			pk, pv, _ := strings.Cut(args[i][2:], "=")
			props[pk] = pv
		case k == "-u" || k == "--user":
			name = next()
		case k == "-p" || k == "--password":
			password = next()
		case k == "-sc":
			dir = next()
		case strings.HasPrefix(args[i], "-"):
			fmt.Fprintf(stderr, "add-user: unknown option %s\n", args[i])
			return 1
		default:
			pos = append(pos, args[i])
		}
	}
	if name == "" && len(pos) > 0 {
		name, pos = pos[0], pos[1:]
	}
	if password == "" && len(pos) > 0 {
		password = pos[0]
	}
	if name == "" {
		fmt.Fprintln(stderr, "add-user: a user name is required: node add-user <user> "+
			"[<password>]")
		return 1
	}
	if password == "" {
		var err error
		if password, err = readPassword(stdin, stdout); err != nil {
			fmt.Fprintf(stderr, "add-user: %v\n", err)
			return 1
		}
	}
	if dir == "" {
		l, err := newLayout(props, os.Getenv)
		if err != nil {
			fmt.Fprintf(stderr, "add-user: %v\n", err)
			return 1
		}
		dir = l.config
	}
	file := filepath.Join(dir, "mgmt-users.properties")
	verb := "Added"
	if endpoint.NewUsers(file).Has(name) {
		verb = "Updated" // the new password replaces the old one
	}
	if err := endpoint.AddUser(file, name, password); err != nil {
		fmt.Fprintf(stderr, "add-user: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s user '%s' to file '%s'\n", verb, name, file)
	return 0
}

// readPassword reads one line from stdin as the password.
func readPassword(stdin io.Reader, stdout io.Writer) (string, error) {
	fmt.Fprint(stdout, "Password : ")
	line, err := bufio.NewReader(stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		if err != nil && err != io.EOF {
			return "", err
		}
		return "", fmt.Errorf("no password given")
	}
	return line, nil
}
