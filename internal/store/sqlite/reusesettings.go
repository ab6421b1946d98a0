package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// reuseSettingsSchema keeps the settings of the stored reuse results, with
// the corpus version of the results they belong to.
const reuseSettingsSchema = `CREATE TABLE reuse_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
		INSERT OR IGNORE INTO counters(name, value) VALUES ('reuse_settings_version', 0);`

// SetReuseSettings records the settings of the stored results of version.
func (s *DB) SetReuseSettings(ctx context.Context, version int64, settings map[string]string) (bool, error) {
	set := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var have int64
		if err := tx.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = 'reuse_version'`).Scan(&have); err != nil {
			return err
		}
		if have != version || version <= 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM reuse_settings`); err != nil {
			return err
		}
		for name, value := range settings {
			if _, err := tx.ExecContext(ctx, `INSERT INTO reuse_settings(name, value) VALUES (?, ?)`, name, value); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE counters SET value = ? WHERE name = 'reuse_settings_version'`, version); err != nil {
			return err
		}
		set = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: store reuse settings: %w", err)
	}
	return set, nil
}

// ReuseSettings returns the settings of the stored results, nil when not
// known.
func (s *DB) ReuseSettings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, value FROM reuse_settings
		WHERE (SELECT value FROM counters WHERE name = 'reuse_settings_version') = (SELECT value FROM counters WHERE name = 'reuse_version')
		  AND (SELECT value FROM counters WHERE name = 'reuse_version') > 0`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: reuse settings: %w", err)
	}
	defer rows.Close()
	var out map[string]string
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return nil, fmt.Errorf("sqlite: reuse settings: %w", err)
		}
		if out == nil {
			out = map[string]string{}
		}
		out[name] = value
	}
	return out, rows.Err()
}

// StaleReuse marks the stored results as of no corpus version.
func (s *DB) StaleReuse(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE counters SET value = 0 WHERE name = 'reuse_version'`); err != nil {
		return fmt.Errorf("sqlite: mark reuse results stale: %w", err)
	}
	return nil
}
