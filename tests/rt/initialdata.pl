# Queues and custom fields of the test RT (rt-setup-database --action insert --datafile)
@Queues = (
    { Name => 'Support', Description => 'Customer support' },
    { Name => 'Privacy', Description => 'Privacy requests from data subjects' },
);
@CustomFields = (
    {
        Name       => 'Customer number',
        Type       => 'FreeformSingle',
        LookupType => 'RT::Queue-RT::Ticket',
        Queue      => [ 'Support', 'Privacy' ],
    },
    {
        Name       => 'Phone',
        Type       => 'FreeformSingle',
        LookupType => 'RT::Queue-RT::Ticket',
        Queue      => [ 'Support', 'Privacy' ],
    },
    {
        Name       => 'Postal address',
        Type       => 'FreeformSingle',
        LookupType => 'RT::Queue-RT::Ticket',
        Queue      => [ 'Support', 'Privacy' ],
    },
    {
        Name       => 'Request type',
        Type       => 'FreeformSingle',
        LookupType => 'RT::Queue-RT::Ticket',
        Queue      => [ 'Privacy' ],
    },
);
1;
