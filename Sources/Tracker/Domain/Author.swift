import Glibc

/// Who records an update when nobody says: `$USER`, else `$LOGNAME`, else the account name
/// (USER is unset under cron and in containers). The web app passes the signed-in user instead.
public enum Author {
    public static var current: String? {
        for variable in ["USER", "LOGNAME"] {
            if let value = getenv(variable).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        return getpwuid(getuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) }
    }
}
