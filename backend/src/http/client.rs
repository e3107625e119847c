//! Who is calling, by address: the socket peer, or, behind reverse proxies the operator named
//! (`PORTAL_TRUSTED_PROXIES`), the address those proxies saw.
//!
//! `X-Forwarded-For` is a list each proxy appends to, so only its right end is written by
//! proxies we trust; everything to the left of the first untrusted entry is whatever the
//! client chose to send. The client is therefore the right-most entry that is not a trusted
//! proxy, and the header is ignored entirely when the peer itself is not one.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;

/// The networks whose `X-Forwarded-For` is believed. Empty: the peer address is the client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.0/8, 192.168.1.10, ::1`: networks or single addresses, comma-separated.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("`{entry}` is neither an address nor a CIDR network"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The list as `PORTAL_TRUSTED_PROXIES` takes it.
    pub fn to_list(&self) -> String {
        self.0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client's address for a request from `peer` with these `X-Forwarded-For` values
    /// (in the order the headers came).
    pub fn resolve<'a>(&self, peer: IpAddr, forwarded: impl Iterator<Item = &'a str>) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded.flat_map(|value| value.split(',')).collect();
        let mut nearest = peer;
        for hop in hops.iter().rev() {
            let Some(address) = parse_hop(hop) else {
                // Nothing left of an unreadable entry can be trusted either.
                break;
            };
            if !self.trusts(address) {
                return address;
            }
            nearest = address;
        }
        nearest
    }

    /// The client's address for `request`.
    pub fn client_ip(&self, request: &HttpRequest) -> IpAddr {
        let peer = request
            .peer_addr()
            .map_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED), |addr| {
                addr.ip()
            });
        if self.is_empty() {
            return canonical(peer);
        }
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|value| value.to_str().ok());
        self.resolve(peer, forwarded)
    }
}

/// The address as the access log shows it: IPv4 without its last octet (`203.0.113.0`),
/// IPv6 cut to its /48 (`2001:db8:1::`). Enough to see a flood's network, not to name a reader.
pub fn masked(address: IpAddr) -> String {
    match canonical(address) {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0")
        }
        IpAddr::V6(v6) => {
            let segments = v6.segments();
            std::net::Ipv6Addr::new(segments[0], segments[1], segments[2], 0, 0, 0, 0, 0)
                .to_string()
        }
    }
}

/// An IPv4 address mapped into IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(address) = hop.parse::<IpAddr>() {
        return Some(canonical(address));
    }
    if let Ok(socket) = hop.parse::<std::net::SocketAddr>() {
        return Some(canonical(socket.ip()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse()
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
    }

    fn proxies(list: &str) -> TrustedProxies {
        TrustedProxies::parse(list).unwrap_or_default()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.resolve(ip("198.51.100.9"), ["1.2.3.4"].into_iter()),
            ip("198.51.100.9")
        );
    }

    #[test]
    fn a_peer_that_is_no_trusted_proxy_cannot_name_another_client() {
        let trusted = proxies("10.0.0.0/8");
        assert_eq!(
            trusted.resolve(ip("198.51.100.9"), ["1.2.3.4"].into_iter()),
            ip("198.51.100.9")
        );
    }

    #[test]
    fn the_client_is_the_right_most_entry_that_is_not_a_trusted_proxy() {
        let trusted = proxies("10.0.0.0/8, 192.0.2.1");
        // The client sent a made-up first entry; our proxies appended the rest.
        let header = "6.6.6.6, 203.0.113.5, 192.0.2.1";
        assert_eq!(
            trusted.resolve(ip("10.1.2.3"), [header].into_iter()),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn several_headers_read_as_one_list() {
        let trusted = proxies("10.0.0.0/8");
        assert_eq!(
            trusted.resolve(ip("10.0.0.1"), ["203.0.113.5", "10.0.0.2"].into_iter()),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn an_unreadable_entry_stops_the_walk_at_the_nearest_trusted_hop() {
        let trusted = proxies("10.0.0.0/8");
        assert_eq!(
            trusted.resolve(
                ip("10.0.0.1"),
                ["203.0.113.5, garbage, 10.0.0.2"].into_iter()
            ),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn entries_with_ports_and_mapped_addresses_are_understood() {
        let trusted = proxies("::1");
        assert_eq!(
            trusted.resolve(ip("::1"), ["[2001:db8::7]:443"].into_iter()),
            ip("2001:db8::7")
        );
        assert_eq!(
            trusted.resolve(ip("::1"), ["::ffff:203.0.113.5"].into_iter()),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn the_log_masks_the_last_part_of_an_address() {
        assert_eq!(masked(ip("203.0.113.77")), "203.0.113.0");
        assert_eq!(masked(ip("2001:db8:1:2:3:4:5:6")), "2001:db8:1::");
        assert_eq!(masked(ip("::ffff:203.0.113.77")), "203.0.113.0");
    }

    #[test]
    fn a_bad_list_is_refused_with_the_entry_named() {
        let error = TrustedProxies::parse("10.0.0.0/8, proxy.local").err();
        assert!(error.is_some_and(|message| message.contains("proxy.local")));
    }
}
