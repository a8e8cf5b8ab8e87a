# The front desk's queue and custom field of Clé de Ville's RT (rt-setup-database --action insert)
@Queues = ( { Name => 'Front desk', Description => "Tenants' requests" } );
@CustomFields = (
    {
        Name       => 'Tenant file',
        Type       => 'FreeformSingle',
        LookupType => 'RT::Queue-RT::Ticket',
        Queue      => [ 'Front desk' ],
    },
);
1;
